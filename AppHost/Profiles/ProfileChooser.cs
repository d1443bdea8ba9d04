namespace AppHost.Profiles;

/// <summary>Picks the profile: the one asked for, else containers when a Docker engine answers, else embedded.</summary>
internal static class ProfileChooser
{
    public const string Embedded = "embedded";
    public const string Containers = "containers";

    /// <summary>Where a Docker engine listens on Linux (the rootful default and its /run twin).</summary>
    internal static readonly string[] DockerSockets = ["/var/run/docker.sock", "/run/docker.sock"];

    /// <summary>Why the containers profile cannot run here, naming the engine and where it was looked for.</summary>
    internal static string NoEngine => $"the containers profile needs a Docker engine, and none answers on {string.Join(" or ", DockerSockets)} " +
        $"(start Docker, or run the embedded profile: dotnet run --project AppHost -- --profile {Embedded})";

    /// <summary>Returns the profile and why it was chosen, or an error naming the accepted values.</summary>
    public static ProfileChoice Choose(string? requested)
    {
        var engine = requested is null or "" or Containers ? DockerEngine.Answering(DockerSockets) : null;
        if (!string.IsNullOrEmpty(requested))
        {
            return requested switch
            {
                Embedded => new ProfileChoice(requested, "asked for with --profile", null),
                // Fail fast: every container would otherwise sit in "Runtime unhealthy" and k3s's dependents wait forever.
                Containers when engine is null => new ProfileChoice("", "", NoEngine),
                Containers => new ProfileChoice(requested, $"asked for with --profile; a Docker engine answers on {engine}", null),
                _ => new ProfileChoice("", "", $"--profile accepts '{Embedded}' or '{Containers}', got '{requested}'"),
            };
        }

        return engine is not null
            ? new ProfileChoice(Containers, $"a Docker engine answers on {engine}", null)
            : new ProfileChoice(Embedded, "no Docker engine answers on this machine", null);
    }
}
