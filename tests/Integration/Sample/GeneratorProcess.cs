using System.Diagnostics;
using System.Reflection;
using Integration.Support;

namespace Integration.Sample;

/// <summary>
/// The order generator as a user runs it from a second terminal: its built program, started in a folder whose
/// <c>.apphost/environment.env</c> the AppHost wrote, with no connection flags.
/// </summary>
internal static class GeneratorProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, CancellationToken cancellationToken, params string[] args)
    {
        var configuration = typeof(GeneratorProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var assembly = Repository.File("src", "OrderGenerator", "bin", configuration, "net10.0", "OrderGenerator.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(assembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
