namespace AppHost.Profiles;

/// <summary>Picks the profile: the one asked for, else containers when a Docker engine answers, else embedded.</summary>
internal static class ProfileChooser
{
    private static readonly string[] DockerSockets = ["/var/run/docker.sock", "/run/docker.sock"];

    public static (string Profile, string Why) Choose(string requested)
    {
        if (requested.Length > 0)
        {
            return (requested, "asked for with --profile");
        }

        return DockerSockets.Any(File.Exists)
            ? (EnvironmentOptions.Containers, "a Docker engine socket is present")
            : (EnvironmentOptions.Embedded, "no Docker engine answers on this machine");
    }
}
