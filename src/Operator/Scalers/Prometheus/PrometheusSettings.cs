namespace Operator.Scalers.Prometheus;

/// <summary>The parsed, validated trigger: everything a query needs except credentials.</summary>
internal sealed record PrometheusSettings
{
    public required string ServerAddress { get; init; }

    public required string Query { get; init; }

    public double Threshold { get; init; }

    public double ActivationThreshold { get; init; }

    public string Namespace { get; init; } = "";

    public IReadOnlyList<KeyValuePair<string, string>> CustomHeaders { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> QueryParameters { get; init; } = [];

    public bool IgnoreNullValues { get; init; } = true;

    public TimeSpan Timeout { get; init; } = ScalerDefaults.GlobalHttpTimeout;

    public int TriggerIndex { get; init; }

    /// <summary><c>AverageValue</c> or <c>Value</c>.</summary>
    public string MetricTargetType { get; init; } = "AverageValue";

    /// <summary>The HPA metric name, <c>s&lt;index&gt;-prometheus</c>.</summary>
    public string MetricName => MetricNames.WithIndex(TriggerIndex, PrometheusDefaults.MetricName);
}
