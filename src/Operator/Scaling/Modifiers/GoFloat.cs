using System.Globalization;
using System.Text.RegularExpressions;

namespace Operator.Scaling.Modifiers;

/// <summary>Go's <c>strconv.ParseFloat(s, 64)</c> for decimal input, with its error messages.</summary>
internal static partial class GoFloat
{
    public static bool TryParse(string text, out double value, out string? error)
    {
        error = null;
        var special = text.TrimStart('+', '-').ToLowerInvariant();
        var negative = text.StartsWith('-');
        if (text.Length - special.Length <= 1 && special is "inf" or "infinity")
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        if (text.Length == special.Length && special == "nan")
        {
            value = double.NaN;
            return true;
        }

        if (DecimalPattern().IsMatch(text)
            && double.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            if (!double.IsInfinity(value))
            {
                return true;
            }

            error = $"strconv.ParseFloat: parsing \"{text}\": value out of range";
            return false;
        }

        value = 0;
        error = $"strconv.ParseFloat: parsing \"{text}\": invalid syntax";
        return false;
    }

    [GeneratedRegex(@"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$")]
    private static partial Regex DecimalPattern();
}
