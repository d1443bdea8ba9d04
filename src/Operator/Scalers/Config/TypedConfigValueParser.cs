using System.Globalization;

namespace Operator.Scalers.Config;

/// <summary>
/// KEDA's <c>setConfigValueHelper</c>: converts one trimmed string to the property type (string, bool, numbers
/// with JSON grammar, Go durations, <c>k=v</c> maps, <see cref="UrlValues"/>, slices with optional ranges).
/// Returns Go's error text, or null on success.
/// </summary>
internal static partial class TypedConfigValueParser
{
    /// <summary>Largest range expansion accepted (<c>"1-100000"</c>).</summary>
    public const int MaxRangeElements = 100_000;

    public static string? TryConvert(Type type, string value, TypedConfigParams p, out object? result)
    {
        result = null;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            result = value;
            return null;
        }

        if (underlying == typeof(TimeSpan))
        {
            return ParseDuration(value, out result);
        }

        if (underlying == typeof(UrlValues))
        {
            var error = UrlQuery.TryParse(value, out var values);
            result = values;
            return error is null ? null : $"expected url.Values, unable to parse query {GoFormat.Quote(value)}: {error}";
        }

        if (DictionaryTypes(underlying) is { } kv)
        {
            return ParseMap(underlying, kv.Key, kv.Value, value, p, out result);
        }

        if (ElementType(underlying) is { } element)
        {
            return ParseSlice(underlying, element, value, p, out result);
        }

        if (underlying == typeof(bool))
        {
            if (GoParse.TryParseBool(value, out var b))
            {
                result = b;
                return null;
            }

            return $"unable to parse boolean value {GoFormat.Quote(value)}: strconv.ParseBool: parsing {GoFormat.Quote(value)}: invalid syntax";
        }

        if (IsNumber(underlying))
        {
            var error = ParseJsonNumber(underlying, value, out result);
            if (result is null && error is null && underlying == type)
            {
                result = Activator.CreateInstance(underlying); // JSON null leaves Go's zero value
            }

            return error is null ? null : $"unable to unmarshal to field type {GoKind(underlying)}: {error}";
        }

        return $"unable to find matching parser for field type {GoKind(underlying)}";
    }

    /// <summary>Go kind/type name used in KEDA messages.</summary>
    public static string GoKind(Type type) => type switch
    {
        _ when type == typeof(int) => "int",
        _ when type == typeof(long) => "int64",
        _ when type == typeof(uint) => "uint",
        _ when type == typeof(ulong) => "uint64",
        _ when type == typeof(double) => "float64",
        _ when type == typeof(float) => "float32",
        _ when type == typeof(bool) => "bool",
        _ when type == typeof(string) => "string",
        _ when type == typeof(TimeSpan) => "time.Duration",
        _ when DictionaryTypes(type) is not null => "map",
        _ when ElementType(type) is not null => "slice",
        _ => type.Name,
    };

    public static bool IsNestable(Type type) =>
        type.IsClass && type != typeof(string) && DictionaryTypes(type) is null && ElementType(type) is null
        && type.GetConstructor(Type.EmptyTypes) is not null;

    private static bool IsNumber(Type t) =>
        t == typeof(int) || t == typeof(long) || t == typeof(uint) || t == typeof(ulong) || t == typeof(double) || t == typeof(float);

    private static string? ParseDuration(string value, out object? result)
    {
        result = null;
        if (GoDuration.TryParse(value, out var duration))
        {
            if (duration < TimeSpan.Zero)
            {
                return $"duration cannot be negative: {GoFormat.Quote(value)}";
            }

            result = duration;
            return null;
        }

        // KEDA: anything that is not a Go duration is read as an integer number of milliseconds.
        if (!GoParse.TryParseInt64(value, out var ms))
        {
            return $"unable to parse duration value {GoFormat.Quote(value)}: must be either a duration string (e.g. '30s', '5m') or a number of milliseconds";
        }

        if (ms < 0)
        {
            return $"duration cannot be negative: {ms} milliseconds";
        }

        // Go's Duration would silently overflow past ~292 years; refuse instead of wrapping around.
        if (ms > (long)TimeSpan.MaxValue.TotalMilliseconds)
        {
            return $"unable to parse duration value {GoFormat.Quote(value)}: out of range";
        }

        result = TimeSpan.FromMilliseconds(ms);
        return null;
    }

    /// <summary>JSON number grammar into a Go numeric type; null result and null error means JSON <c>null</c>.</summary>
    private static string? ParseJsonNumber(Type type, string value, out object? result)
    {
        result = null;
        var goType = GoKind(type);
        var grammarError = GoParse.CheckJsonNumber(value, goType, out var isNull);
        if (grammarError is not null || isNull)
        {
            return grammarError;
        }

        var overflow = $"json: cannot unmarshal number {value} into Go value of type {goType}";
        if (type == typeof(double) || type == typeof(float))
        {
            var d = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (double.IsInfinity(d) || (type == typeof(float) && float.IsInfinity((float)d)))
            {
                return overflow;
            }

            result = type == typeof(double) ? d : (float)d;
            return null;
        }

        if (value.AsSpan().IndexOfAny(".eE") >= 0)
        {
            return overflow;
        }

        object? parsed = type switch
        {
            _ when type == typeof(int) => int.TryParse(value, CultureInfo.InvariantCulture, out var i) ? i : null,
            _ when type == typeof(long) => long.TryParse(value, CultureInfo.InvariantCulture, out var l) ? l : null,
            _ when type == typeof(uint) => uint.TryParse(value, CultureInfo.InvariantCulture, out var u) ? u : null,
            _ => ulong.TryParse(value, CultureInfo.InvariantCulture, out var ul) ? ul : null,
        };
        result = parsed;
        return parsed is null ? overflow : null;
    }
}
