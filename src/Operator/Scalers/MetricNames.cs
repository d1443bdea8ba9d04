namespace Operator.Scalers;

/// <summary>
/// KEDA's metric naming (<c>pkg/scalers/scaler.go</c>, <c>pkg/util/normalize_string.go</c>) and matching: the HPA
/// lower-cases external metric names when it asks the metrics API, so names are compared case-insensitively
/// (KEDA <c>strings.EqualFold</c>, issue #4954).
/// </summary>
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

    public static bool AreEqual(string? left, string? right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

    public static bool Contains(IEnumerable<string> names, string? name) => names.Any(n => AreEqual(n, name));

    /// <summary>The first name in <paramref name="names"/> matching <paramref name="requested"/>, with its original casing.</summary>
    public static string? FindMatch(IEnumerable<string> names, string? requested) => names.FirstOrDefault(n => AreEqual(n, requested));
}
