using System.Diagnostics;

namespace AppHost.Hosting;

/// <summary>Runs a program to completion and returns its exit code and output (docker, dotnet publish).</summary>
internal static class CommandLine
{
    public static async Task<CommandResult> RunAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return new CommandResult($"{program} {string.Join(' ', start.ArgumentList)}", process.ExitCode, (await stdout).Trim(), (await stderr).Trim());
    }
}
