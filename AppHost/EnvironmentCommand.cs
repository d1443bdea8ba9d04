using System.Runtime.InteropServices;
using AppHost.Profiles;

namespace AppHost;

/// <summary>
/// Brings the local environment up, prints where each resource is, and stops everything on Ctrl+C.
/// </summary>
internal static class EnvironmentCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = RepositoryRoot.Find();
        var options = EnvironmentOptions.Parse(args, Path.Combine(root, ".kube-embedded"), out var error);
        if (options is null)
        {
            await stderr.WriteLineAsync($"{error}\n{EnvironmentOptions.Usage}");
            return 2;
        }

        var (profile, why) = ProfileChooser.Choose(options.Profile);
        await stdout.WriteLineAsync($"profile: {profile} ({why})");
        if (profile == EnvironmentOptions.Containers)
        {
            await stderr.WriteLineAsync(
                "the containers profile (k3s, Kafka, Service Bus emulator, dashboard) is not built yet; " +
                "run with --profile embedded");
            return 2;
        }

        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        await using var environment = await EmbeddedProfile.StartAsync(root, options.StateDirectory, stdout, stop.Token);
        await stdout.WriteLineAsync("environment ready; Ctrl+C stops everything");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            await stdout.WriteLineAsync("stopping");
        }

        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
