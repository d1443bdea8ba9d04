namespace Operator.Scalers.Config;

/// <summary>Go's <c>time.ParseDuration</c> ("300ms", "-1.5h", "2h45m"; units ns, us, µs, ms, s, m, h).</summary>
internal static class GoDuration
{
    private static readonly Dictionary<string, double> UnitNanoseconds = new(StringComparer.Ordinal)
    {
        ["ns"] = 1,
        ["us"] = 1e3,
        ["µs"] = 1e3, // U+00B5 micro sign
        ["μs"] = 1e3, // U+03BC Greek mu
        ["ms"] = 1e6,
        ["s"] = 1e9,
        ["m"] = 60e9,
        ["h"] = 3600e9,
    };

    /// <summary>Parses a Go duration; returns false for anything Go rejects.</summary>
    public static bool TryParse(string text, out TimeSpan result)
    {
        result = TimeSpan.Zero;
        var s = text.AsSpan();
        var negative = false;
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s is "0")
        {
            return true;
        }

        if (s.IsEmpty)
        {
            return false;
        }

        double totalNs = 0;
        while (!s.IsEmpty)
        {
            if (!(s[0] == '.' || char.IsAsciiDigit(s[0])))
            {
                return false;
            }

            var intLen = CountDigits(s);
            var number = intLen > 0 ? double.Parse(s[..intLen], provider: System.Globalization.CultureInfo.InvariantCulture) : 0;
            s = s[intLen..];
            var fracLen = 0;
            if (!s.IsEmpty && s[0] == '.')
            {
                s = s[1..];
                fracLen = CountDigits(s);
                if (fracLen > 0)
                {
                    number += double.Parse("0." + s[..fracLen].ToString(), System.Globalization.CultureInfo.InvariantCulture);
                }

                s = s[fracLen..];
            }

            if (intLen == 0 && fracLen == 0)
            {
                return false;
            }

            var unitLen = 0;
            while (unitLen < s.Length && s[unitLen] != '.' && !char.IsAsciiDigit(s[unitLen]))
            {
                unitLen++;
            }

            if (unitLen == 0 || !UnitNanoseconds.TryGetValue(s[..unitLen].ToString(), out var unit))
            {
                return false;
            }

            s = s[unitLen..];
            totalNs += number * unit;
            if (totalNs > long.MaxValue)
            {
                return false;
            }
        }

        // TimeSpan resolution is 100 ns; Go keeps nanoseconds. Sub-tick remainders are dropped.
        var ticks = (long)(totalNs / 100);
        result = TimeSpan.FromTicks(negative ? -ticks : ticks);
        return true;
    }

    private static int CountDigits(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i;
    }
}
