namespace AppHost.Profiles;

/// <summary>Shows which profile runs and why (see <see cref="ProfileChooser"/>).</summary>
public sealed class ProfileResource(string name) : Resource(name);
