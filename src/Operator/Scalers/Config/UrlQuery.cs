using System.Globalization;
using System.Text;

namespace Operator.Scalers.Config;

/// <summary>Go's <c>url.ParseQuery</c>: <c>&amp;</c>-separated, <c>+</c> is a space, semicolons are rejected.</summary>
internal static class UrlQuery
{
    /// <summary>Parses every pair it can; returns the first error like Go (which keeps going after errors).</summary>
    public static string? TryParse(string query, out UrlValues values)
    {
        values = [];
        string? firstError = null;
        foreach (var pair in query.Split('&'))
        {
            if (pair.Contains(';', StringComparison.Ordinal))
            {
                firstError ??= "invalid semicolon separator in query";
                continue;
            }

            if (pair.Length == 0)
            {
                continue;
            }

            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var rawKey = eq < 0 ? pair : pair[..eq];
            var rawValue = eq < 0 ? "" : pair[(eq + 1)..];
            if (Unescape(rawKey, out var key) is { } keyError)
            {
                firstError ??= keyError;
                continue;
            }

            if (Unescape(rawValue, out var value) is { } valueError)
            {
                firstError ??= valueError;
                continue;
            }

            if (!values.TryGetValue(key, out var list))
            {
                list = [];
                values[key] = list;
            }

            list.Add(value);
        }

        return firstError;
    }

    /// <summary>Go's <c>url.QueryUnescape</c>.</summary>
    private static string? Unescape(string s, out string result)
    {
        result = "";
        var bytes = new List<byte>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '%')
            {
                if (i + 2 >= s.Length || !char.IsAsciiHexDigit(s[i + 1]) || !char.IsAsciiHexDigit(s[i + 2]))
                {
                    var bad = s[i..Math.Min(i + 3, s.Length)];
                    return $"invalid URL escape {GoFormat.Quote(bad)}";
                }

                bytes.Add(byte.Parse(s.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }

        result = Encoding.UTF8.GetString([.. bytes]);
        return null;
    }
}
