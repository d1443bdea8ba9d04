namespace AppHost;

/// <summary>Command-line options of <c>dotnet run --project AppHost -- [--profile embedded|containers] [--state-dir DIR]</c>.</summary>
internal sealed record EnvironmentOptions(string Profile, string StateDirectory)
{
    public const string Embedded = "embedded";
    public const string Containers = "containers";

    public const string Usage = "usage: AppHost [--profile embedded|containers] [--state-dir DIR]";

    /// <summary>Parses the arguments; returns null with an error naming the flag and the accepted values.</summary>
    public static EnvironmentOptions? Parse(IReadOnlyList<string> args, string defaultStateDirectory, out string? error)
    {
        string? profile = null;
        var stateDirectory = defaultStateDirectory;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--profile" when value is Embedded or Containers:
                    profile = value;
                    i++;
                    break;
                case "--profile":
                    error = $"--profile accepts '{Embedded}' or '{Containers}', got '{value}'";
                    return null;
                case "--state-dir" when !string.IsNullOrWhiteSpace(value):
                    stateDirectory = Path.GetFullPath(value);
                    i++;
                    break;
                default:
                    error = $"unknown or incomplete argument '{args[i]}'";
                    return null;
            }
        }

        error = null;
        return new EnvironmentOptions(profile ?? "", stateDirectory);
    }
}
