using System.Globalization;
using System.Text;

namespace Operator.Scalers.Config;

/// <summary>Go's <c>%q</c> and <c>%v</c> formatting, so error messages match KEDA's byte for byte.</summary>
internal static class GoFormat
{
    /// <summary>Go's <c>%q</c> for a string (<c>strconv.Quote</c>, printable ASCII and Unicode kept).</summary>
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\a': sb.Append("\\a"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\v': sb.Append("\\v"); break;
                default:
                    if (Rune.IsControl(rune))
                    {
                        sb.Append(rune.Value < 0x80
                            ? $"\\x{rune.Value:x2}"
                            : rune.Value <= 0xFFFF ? $"\\u{rune.Value:x4}" : $"\\U{rune.Value:x8}");
                    }
                    else
                    {
                        sb.Append(rune.ToString());
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>Go's <c>%v</c> of a string slice: <c>[a b c]</c>.</summary>
    public static string List(IEnumerable<string> values) => "[" + string.Join(' ', values) + "]";

    /// <summary>Go's <c>%q</c> of a single character in JSON scanner errors (<c>'x'</c>).</summary>
    public static string QuoteChar(char c) => c switch
    {
        '\'' => "'\\''",
        '"' => "'\"'",
        _ when char.IsControl(c) => "'" + Quote(c.ToString(CultureInfo.InvariantCulture))[1..^1] + "'",
        _ => $"'{c}'",
    };
}
