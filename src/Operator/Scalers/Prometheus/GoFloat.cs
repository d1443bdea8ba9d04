using System.Globalization;
using System.Text.RegularExpressions;

namespace Operator.Scalers.Prometheus;

/// <summary>
/// Go's <c>strconv.ParseFloat(s, 64)</c> for the decimal forms Prometheus emits (<c>"1.5"</c>, <c>"1e+06"</c>,
/// <c>"+Inf"</c>, <c>"-Inf"</c>, <c>"NaN"</c>), with Go's error texts. Hexadecimal floats are not accepted.
/// </summary>
internal static partial class GoFloat
{
    public static bool TryParse(string text, out double value, out string? error)
    {
        error = null;
        var special = SpecialPattern().Match(text);
        if (special.Success)
        {
            var negative = special.Groups["sign"].Value == "-";
            value = special.Groups["inf"].Success
                ? (negative ? double.NegativeInfinity : double.PositiveInfinity)
                : double.NaN;
            return true;
        }

        if (!DecimalPattern().IsMatch(text))
        {
            value = 0;
            error = $"strconv.ParseFloat: parsing \"{text}\": invalid syntax";
            return false;
        }

        value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value))
        {
            // Go reports overflow as an error (ErrRange) rather than returning ±Inf silently.
            error = $"strconv.ParseFloat: parsing \"{text}\": value out of range";
            return false;
        }

        return true;
    }

    /// <summary>Go's <c>%f</c> rendering of NaN and the infinities.</summary>
    public static string FormatSpecial(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("F6", CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"^(?:(?<sign>[+-]?)(?<inf>inf|infinity)|nan)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpecialPattern();

    [GeneratedRegex(@"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalPattern();
}
