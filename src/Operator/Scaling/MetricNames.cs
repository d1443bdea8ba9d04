namespace Operator.Scaling;

/// <summary>
/// Metric-name matching as KEDA does it: the HPA lower-cases external metric names when it asks the metrics API,
/// so names are compared case-insensitively (KEDA <c>strings.EqualFold</c>, issue #4954).
/// </summary>
public static class MetricNames
{
    public static bool AreEqual(string? left, string? right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

    public static bool Contains(IEnumerable<string> names, string? name) => names.Any(n => AreEqual(n, name));

    /// <summary>The first name in <paramref name="names"/> matching <paramref name="requested"/>, with its original casing.</summary>
    public static string? FindMatch(IEnumerable<string> names, string? requested) => names.FirstOrDefault(n => AreEqual(n, requested));
}
