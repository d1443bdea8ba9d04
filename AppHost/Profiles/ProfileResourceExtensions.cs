namespace AppHost.Profiles;

/// <summary>A <c>profile</c> resource whose state names the profile and why it was chosen, so the dashboard says it too.</summary>
internal static class ProfileResourceExtensions
{
    public static IResourceBuilder<ProfileResource> AddProfile(this IDistributedApplicationBuilder builder, ProfileChoice choice) =>
        builder.AddResource(new ProfileResource("profile"))
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "Profile",
                State = new ResourceStateSnapshot($"{choice.Profile}: {choice.Why}", KnownResourceStateStyles.Info),
                // The Source column shows the line as written (the state column humanizes it).
                Properties = [new("profile", choice.Profile), new("why", choice.Why), new(CustomResourceKnownProperties.Source, $"{choice.Profile}: {choice.Why}")],
            });
}
