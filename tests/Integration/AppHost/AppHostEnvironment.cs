using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using k8s;

namespace Integration.AppHost;

/// <summary>
/// The AppHost with one profile started once through Aspire.Hosting.Testing (DCP and the dashboard included),
/// with its state directory in a temporary checkout-like folder (<c>&lt;temp&gt;/.apphost</c>) so a developer's running
/// environment is left alone and a program started in <see cref="WorkingDirectory"/> finds it as it would in a clone.
/// The order sample is made quicker for the suite: <see cref="OrdersPerRun"/> orders, 1 s of processing each.
/// </summary>
public abstract class AppHostEnvironment(string profile, TimeSpan startTimeout) : IAsyncLifetime
{
    public const int OrdersPerRun = 50;

    /// <summary>Where a second terminal would stand: <c>.apphost/environment.env</c> is found from here.</summary>
    public string WorkingDirectory { get; } = Directory.CreateTempSubdirectory("apphost-").FullName;

    public string StateDirectory => Path.Combine(WorkingDirectory, ".apphost");

    public DistributedApplication App { get; private set; } = null!;

    public string KubeconfigPath => Path.Combine(StateDirectory, "kubeconfig");

    public string EnvironmentFile => Path.Combine(StateDirectory, "environment.env");

    public virtual async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(startTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [
                "--profile", profile, "--StateDirectory", StateDirectory,
                "--OrderGenerator:Count", OrdersPerRun.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--OrderGenerator:Transport", "servicebus",
                "--OrderProcessor:ProcessingTime", "00:00:01",

                // Its own dashboard keys: Aspire otherwise shares them through the AppHost's user secrets with every other
                // AppHost on this machine, and one started outside Development replaces them while this one runs.
                "--AppHost:DashboardApiKey", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                "--AppHost:OtlpApiKey", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ],
            (options, _) => options.DisableDashboard = false,
            timeout.Token);
        App = await builder.BuildAsync(timeout.Token);
        await App.StartAsync(timeout.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("kubernetes", timeout.Token);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }

        Directory.Delete(WorkingDirectory, recursive: true);
        GC.SuppressFinalize(this);
    }

    public k8s.Kubernetes CreateClient() => new(KubernetesClientConfiguration.BuildConfigFromConfigFile(KubeconfigPath));

    /// <summary>The resource's latest state as the dashboard shows it.</summary>
    public CustomResourceSnapshot? Snapshot(string resource) =>
        App.ResourceNotifications.TryGetCurrentState(resource, out var e) ? e.Snapshot : null;

    /// <summary>KEY=VALUE lines of the environment file.</summary>
    public async Task<Dictionary<string, string>> ReadEnvironmentFileAsync(CancellationToken cancellationToken) =>
        (await File.ReadAllLinesAsync(EnvironmentFile, cancellationToken))
            .Where(line => line.Contains('=', StringComparison.Ordinal))
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);
}
