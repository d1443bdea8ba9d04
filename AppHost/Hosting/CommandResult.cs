namespace AppHost.Hosting;

/// <summary>How a program run by <see cref="CommandLine"/> ended.</summary>
internal sealed record CommandResult(string Command, int ExitCode, string Output, string Error)
{
    /// <summary>The output, or an exception naming the command, its exit code and its error output.</summary>
    public string OutputOrThrow() =>
        ExitCode == 0 ? Output : throw new InvalidOperationException($"{Command} exited {ExitCode}: {(Error.Length > 0 ? Error : Output)}");
}
