using System.Globalization;

namespace Operator.Scalers.Config;

/// <summary>
/// Go's value grammars as KEDA uses them: <c>strconv.ParseBool</c>, <c>encoding/json</c> numbers and
/// <c>strconv.ParseInt</c>. Each returns KEDA's (Go's) error text on failure.
/// </summary>
internal static class GoParse
{
    /// <summary>Exactly Go's <c>strconv.ParseBool</c> set.</summary>
    public static bool TryParseBool(string value, out bool result)
    {
        switch (value)
        {
            case "1" or "t" or "T" or "TRUE" or "true" or "True":
                result = true;
                return true;
            case "0" or "f" or "F" or "FALSE" or "false" or "False":
                result = false;
                return true;
            default:
                result = false;
                return false;
        }
    }

    /// <summary>Go's <c>strconv.ParseInt(s, 10, 64)</c>: optional sign, decimal digits only.</summary>
    public static bool TryParseInt64(string value, out long result) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result);

    /// <summary>
    /// Validates <paramref name="text"/> against the JSON value grammar for a number. Returns null when it is a
    /// complete JSON number, <c>"null"</c> for the JSON literal null (Go leaves the target untouched), or Go's
    /// scanner error (e.g. <c>invalid character 'o' looking for beginning of value</c>).
    /// </summary>
    public static string? CheckJsonNumber(string text, string goType, out bool isNull)
    {
        isNull = false;
        if (text.Length == 0)
        {
            return "unexpected end of JSON input";
        }

        var c0 = text[0];
        if (c0 != '-' && !char.IsAsciiDigit(c0))
        {
            return CheckNonNumberLiteral(text, goType, out isNull);
        }

        var i = 0;
        if (text[i] == '-')
        {
            i++;
        }

        if (i == text.Length)
        {
            return "unexpected end of JSON input";
        }

        if (text[i] == '0')
        {
            i++;
        }
        else if (char.IsAsciiDigit(text[i]))
        {
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }
        else
        {
            return $"invalid character {GoFormat.QuoteChar(text[i])} in numeric literal";
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            if (i == text.Length)
            {
                return "unexpected end of JSON input";
            }

            if (!char.IsAsciiDigit(text[i]))
            {
                return $"invalid character {GoFormat.QuoteChar(text[i])} after decimal point in numeric literal";
            }

            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            if (i == text.Length)
            {
                return "unexpected end of JSON input";
            }

            if (!char.IsAsciiDigit(text[i]))
            {
                return $"invalid character {GoFormat.QuoteChar(text[i])} in exponent of numeric literal";
            }

            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        return i == text.Length ? null : $"invalid character {GoFormat.QuoteChar(text[i])} after top-level value";
    }

    private static string? CheckNonNumberLiteral(string text, string goType, out bool isNull)
    {
        isNull = false;
        foreach (var (literal, kind) in new[] { ("null", ""), ("true", "bool"), ("false", "bool") })
        {
            if (text == literal)
            {
                isNull = kind.Length == 0;
                return isNull ? null : $"json: cannot unmarshal {kind} into Go value of type {goType}";
            }
        }

        if (text[0] == '"' && text.Length >= 2 && text[^1] == '"')
        {
            return $"json: cannot unmarshal string into Go value of type {goType}";
        }

        return text[0] is '{' or '['
            ? $"json: cannot unmarshal {(text[0] == '{' ? "object" : "array")} into Go value of type {goType}"
            : $"invalid character {GoFormat.QuoteChar(text[0])} looking for beginning of value";
    }
}
