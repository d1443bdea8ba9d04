namespace Operator.Hosting;

/// <summary>KEDA's ports and names: operator metrics :8080, probes :8081, metrics API server :6443 behind Service keda-operator-metrics-apiserver.</summary>
public static class OperatorEndpointsDefaults
{
    public const int MetricsPort = 8080;
    public const int HealthPort = 8081;
    public const int AdapterPort = 6443;
    public const string ServiceNamespace = "keda";
    public const string ServiceName = "keda-operator-metrics-apiserver";
    public const string MetricsPath = "/metrics";
    public const string LivenessPath = "/healthz";
    public const string ReadinessPath = "/readyz";

    /// <summary>How long after start not being ready yet is Degraded (starting) rather than Unhealthy (failed).</summary>
    public static readonly TimeSpan StartupGracePeriod = TimeSpan.FromSeconds(60);
}
