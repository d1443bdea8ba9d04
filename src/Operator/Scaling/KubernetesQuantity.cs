using System.Globalization;
using System.Numerics;

namespace Operator.Scaling;

/// <summary>
/// Metric values and targets as canonical Kubernetes quantity strings, byte-for-byte as KEDA (Go
/// <c>resource.Quantity</c>, DecimalSI) prints them: <c>"2"</c>, <c>"500m"</c>, <c>"1234m"</c>, <c>"1500"</c>, <c>"2k"</c>.
/// </summary>
public static class KubernetesQuantity
{
    private static readonly string[] Suffixes = ["m", "", "k", "M", "G", "T", "P", "E"];

    /// <summary>
    /// KEDA's <c>GenerateMetricInMili</c>: <c>MustParse(fmt.Sprintf("%.3f", v))</c>, so rounded (half to even on the
    /// exact binary value) to 3 decimals; NaN, ±Inf and negative values become 0 (KEDA 2.20.2). KEDA's
    /// <c>GetMetricTargetMili</c> (fractional HPA targets such as the prometheus threshold) takes the same path.
    /// </summary>
    public static string FromMetricValue(double value) => FormatMilli(RoundToMilli(value));

    /// <summary>The metric value in milli units as <see cref="FromMetricValue"/> rounds it.</summary>
    public static BigInteger RoundToMilli(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value) || value <= 0)
        {
            return BigInteger.Zero;
        }

        // value = mantissa * 2^exponent exactly; scale by 1000 and round half to even like Go's strconv.
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        exponent -= 1075;
        var numerator = new BigInteger(mantissa) * 1000;
        if (exponent >= 0)
        {
            return numerator << exponent;
        }

        var denominator = BigInteger.One << -exponent;
        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
        var twice = remainder * 2;
        if (twice > denominator || (twice == denominator && !quotient.IsEven))
        {
            quotient += 1;
        }

        return quotient;
    }

    /// <summary>Go's <c>NewMilliQuantity(int64(x), DecimalSI)</c> where x is already in milli units (truncated toward zero).</summary>
    public static string FromMilliTruncated(double milli) =>
        double.IsNaN(milli) ? "0" : FormatMilli(new BigInteger(Math.Truncate(Math.Clamp(milli, long.MinValue, long.MaxValue))));

    /// <summary>Go's <c>NewQuantity(v, DecimalSI)</c>.</summary>
    public static string FromInteger(long value) => FormatMilli(new BigInteger(value) * 1000);

    /// <summary>Canonical DecimalSI form of <paramref name="milli"/>/1000: trailing zeros move into the SI suffix.</summary>
    public static string FormatMilli(BigInteger milli)
    {
        if (milli.IsZero)
        {
            return "0";
        }

        var sign = milli.Sign < 0 ? "-" : "";
        var mantissa = BigInteger.Abs(milli);
        var suffix = 0;
        while (suffix < Suffixes.Length - 1 && mantissa % 1000 == 0)
        {
            mantissa /= 1000;
            suffix++;
        }

        return sign + mantissa.ToString(CultureInfo.InvariantCulture) + Suffixes[suffix];
    }

    /// <summary>Go's <c>Quantity.AsApproximateFloat64</c> for a quantity string; false when it does not parse.</summary>
    public static bool TryParse(string? quantity, out double value)
    {
        value = 0;
        if (string.IsNullOrEmpty(quantity))
        {
            return false;
        }

        var end = quantity.Length;
        double multiplier = 1;
        foreach (var (suffix, factor) in ParseSuffixes)
        {
            if (quantity.EndsWith(suffix, StringComparison.Ordinal))
            {
                end -= suffix.Length;
                multiplier = factor;
                break;
            }
        }

        var number = quantity[..end];
        var exponentAt = number.IndexOfAny(['e', 'E']);
        if (exponentAt >= 0 && multiplier != 1)
        {
            return false;
        }

        if (!double.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        value = parsed * multiplier;
        return true;
    }

    /// <summary>Go's <c>Quantity.MilliValue()</c> (rounded up) of a quantity string; false when it does not parse.</summary>
    public static bool TryParseMilli(string? quantity, out long milli)
    {
        milli = 0;
        if (!TryParse(quantity, out var value))
        {
            return false;
        }

        milli = (long)Math.Ceiling(Math.Round(value * 1000, 6));
        return true;
    }

    private static readonly (string Suffix, double Factor)[] ParseSuffixes =
    [
        ("Ki", 1024d), ("Mi", 1024d * 1024), ("Gi", 1024d * 1024 * 1024), ("Ti", 1024d * 1024 * 1024 * 1024),
        ("Pi", 1024d * 1024 * 1024 * 1024 * 1024), ("Ei", 1024d * 1024 * 1024 * 1024 * 1024 * 1024),
        ("n", 1e-9), ("u", 1e-6), ("m", 1e-3), ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("P", 1e15), ("E", 1e18),
    ];
}
