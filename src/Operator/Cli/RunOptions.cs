using System.Globalization;
using System.Net;
using Operator.Hosting;
using Operator.Leadership;
using Operator.Manifests;

namespace Operator.Cli;

/// <summary>The <c>run</c> flags; ports and leader election are read by the adapter/telemetry/leadership extensions.</summary>
public sealed record RunOptions
{
    public string? Kubeconfig { get; init; }

    public string? Context { get; init; }

    public string? WatchNamespace { get; init; }

    public ScalingMode ScalingMode { get; init; } = ScalingMode.Hpa;

    public int? MetricsPort { get; init; }

    public int? HealthPort { get; init; }

    public bool LeaderElect { get; init; }

    /// <summary>Where the metrics adapter listens (<c>--adapter-address</c>); 127.0.0.1 unless given.</summary>
    public IPAddress? AdapterAddress { get; init; }

    public int? AdapterPort { get; init; }

    /// <summary>The adapter, metrics and health listeners; out of cluster the adapter registers its own APIService.</summary>
    public void Apply(OperatorEndpointsOptions options, bool inCluster)
    {
        options.MetricsPort = MetricsPort ?? options.MetricsPort;
        options.HealthPort = HealthPort ?? options.HealthPort;
        options.AdapterPort = AdapterPort ?? options.AdapterPort;
        options.AdapterBindAddress = AdapterAddress ?? options.AdapterBindAddress;
        options.HttpBindAddress = inCluster ? IPAddress.Any : options.HttpBindAddress;
        options.RegisterApiService = !inCluster;
    }

    public LeaderElectionOptions LeaderElection() => new() { Enabled = LeaderElect };

    public void Apply(OperatorOptions options)
    {
        options.KubeconfigPath = Kubeconfig;
        options.Context = Context;
        options.WatchNamespace = WatchNamespace;
        options.ScalingMode = ScalingMode;
        options.ClusterObjectNamespace = Environment.GetEnvironmentVariable("KEDA_CLUSTER_OBJECT_NAMESPACE") is { Length: > 0 } ns
            ? ns
            : ManifestKinds.DefaultClusterObjectNamespace;
    }

    public static RunOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = new RunOptions();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var flag = args[i];
            if (flag == "--leader-elect")
            {
                options = options with { LeaderElect = true };
                continue;
            }

            if (i + 1 >= args.Count)
            {
                error = $"{flag}: expected a value";
                return null;
            }

            var value = args[++i];
            switch (flag)
            {
                case "--kubeconfig":
                    options = options with { Kubeconfig = value };
                    break;
                case "--context":
                    options = options with { Context = value };
                    break;
                case "--watch-namespace":
                    options = options with { WatchNamespace = value };
                    break;
                case "--scaling-mode" when value is "hpa" or "direct":
                    options = options with { ScalingMode = value == "hpa" ? ScalingMode.Hpa : ScalingMode.Direct };
                    break;
                case "--scaling-mode":
                    error = $"--scaling-mode: '{value}' is not accepted; accepted values: hpa, direct";
                    return null;
                case "--metrics-port" or "--health-port" or "--adapter-port"
                    when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536:
                    options = flag switch
                    {
                        "--metrics-port" => options with { MetricsPort = port },
                        "--health-port" => options with { HealthPort = port },
                        _ => options with { AdapterPort = port },
                    };
                    break;
                case "--metrics-port" or "--health-port" or "--adapter-port":
                    error = $"{flag}: '{value}' is not a port (1-65535)";
                    return null;
                case "--adapter-address" when IPAddress.TryParse(value, out var address):
                    options = options with { AdapterAddress = address };
                    break;
                case "--adapter-address":
                    error = $"--adapter-address: '{value}' is not an IP address (e.g. 127.0.0.1, 0.0.0.0)";
                    return null;
                default:
                    error = $"unknown option '{flag}'; accepted: --kubeconfig, --context, --watch-namespace, --scaling-mode, --metrics-port, --health-port, --adapter-address, --adapter-port, --leader-elect";
                    return null;
            }
        }

        return options;
    }
}
