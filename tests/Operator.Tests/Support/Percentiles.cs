namespace Operator.Tests.Support;

/// <summary>Percentiles of a benchmark's samples, nearest-rank (the smallest sample with at least p of them at or below it).</summary>
internal static class Percentiles
{
    /// <summary>The <paramref name="fraction"/> (0.5 for p50) percentile of <paramref name="samples"/>; NaN when there are none.</summary>
    public static double Of(IEnumerable<double> samples, double fraction)
    {
        var sorted = samples.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
