namespace Operator.Scalers;

/// <summary>KEDA's metric naming (<c>pkg/scalers/scaler.go</c>, <c>pkg/util/normalize_string.go</c>).</summary>
public static class MetricNames
{
    /// <summary><c>GenerateMetricNameWithIndex</c>: <c>s&lt;index&gt;-&lt;name&gt;</c>.</summary>
    public static string WithIndex(int triggerIndex, string name) => $"s{triggerIndex}-{name}";

    /// <summary>
    /// <c>NormalizeString</c>: replaces each of <c>/ . : % ( )</c> with <c>-</c>; nothing else changes
    /// (no lower-casing, commas kept).
    /// </summary>
    public static string Normalize(string value) =>
        value.Replace('/', '-').Replace('.', '-').Replace(':', '-').Replace('%', '-').Replace('(', '-').Replace(')', '-');
}
