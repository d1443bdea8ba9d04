namespace Operator.Hosting;

public static class OperatorDefaults
{
    public const int Workers = 4;

    /// <summary>KEDA's release this operator mirrors (the HPA's <c>app.kubernetes.io/version</c> label).</summary>
    public const string Version = "2.18.0";

    public const string Component = "keda-operator";

    /// <summary>How soon a kind missing from a cached discovery list makes the operator ask discovery again.</summary>
    public static readonly TimeSpan DiscoveryMissRefresh = TimeSpan.FromSeconds(10);
}
