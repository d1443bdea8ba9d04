using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Operator.Hosting;
using Operator.Leadership;
using Operator.ScaleLoop;

namespace Operator.Cli;

/// <summary>
/// <c>run [--kubeconfig PATH] [--context NAME] [--watch-namespace NS] [--scaling-mode hpa|direct] [--metrics-port N]
/// [--health-port N] [--leader-elect]</c>: the operator as a Generic Host until Ctrl+C/SIGTERM (graceful shutdown).
/// </summary>
internal static class RunCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stderr)
    {
        var options = RunOptions.Parse(args, out var error);
        if (options is null)
        {
            await stderr.WriteLineAsync($"run: {error}").ConfigureAwait(false);
            await stderr.WriteLineAsync(OperatorCli.Usage).ConfigureAwait(false);
            return 2;
        }

        var endpoints = new OperatorEndpointsOptions();
        options.Apply(endpoints, KubernetesClientConfiguration.IsInCluster() && options.Kubeconfig is null);
        var builder = WebApplication.CreateSlimBuilder();
        // Request logs of the adapter and probes would drown the operator's own lines.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Decision spans and logs over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (the AppHost sets it: the dashboard).
        builder.ConfigureOpenTelemetry(ScaledObjectPoller.ActivitySource.Name);
        try
        {
            // Leadership first: hosted services stop in reverse order, so the lease is released last.
            builder.Services.AddLeaderElection(options.LeaderElection());
            builder.AddOperatorEndpoints(endpoints);
        }
        catch (ArgumentException e)
        {
            await stderr.WriteLineAsync($"run: {e.Message}").ConfigureAwait(false);
            return 2;
        }

        builder.Services.AddOperatorCore(options.Apply);
        await using var app = builder.Build();
        app.MapOperatorEndpoints();
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
