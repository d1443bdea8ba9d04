namespace AppHost.Profiles;

/// <summary>Picks the profile: the one asked for, else containers when a Docker engine answers, else embedded.</summary>
internal static class ProfileChooser
{
    public const string Embedded = "embedded";
    public const string Containers = "containers";

    private static readonly string[] DockerSockets = ["/var/run/docker.sock", "/run/docker.sock"];

    /// <summary>Returns the profile and why it was chosen, or an error naming the accepted values.</summary>
    public static ProfileChoice Choose(string? requested)
    {
        if (!string.IsNullOrEmpty(requested))
        {
            return requested is Embedded or Containers
                ? new ProfileChoice(requested, "asked for with --profile", null)
                : new ProfileChoice("", "", $"--profile accepts '{Embedded}' or '{Containers}', got '{requested}'");
        }

        var engine = DockerEngine.Answering(DockerSockets);
        return engine is not null
            ? new ProfileChoice(Containers, $"a Docker engine answers on {engine}", null)
            : new ProfileChoice(Embedded, "no Docker engine answers on this machine", null);
    }
}
