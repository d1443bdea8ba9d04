using System.Collections;
using System.Globalization;

namespace Operator.Scalers.Config;

/// <summary>
/// KEDA's <c>setConfigValueHelper</c>: converts one trimmed string to the property type (string, bool, numbers
/// with JSON grammar, Go durations, <c>k=v</c> maps, <see cref="UrlValues"/>, slices with optional ranges).
/// Returns Go's error text, or null on success.
/// </summary>
internal static class TypedConfigValueParser
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

    private static string? ParseMap(Type mapType, Type keyType, Type valueType, string value, TypedConfigParams p, out object? result)
    {
        result = null;
        var concrete = mapType.IsInterface ? typeof(Dictionary<,>).MakeGenericType(keyType, valueType) : mapType;
        var map = (IDictionary)Activator.CreateInstance(concrete)!;
        foreach (var raw in p.Split(value))
        {
            var s = raw.Trim();
            var kv = s.Split('=');
            if (kv.Length != 2)
            {
                return $"expected format key=value, got {GoFormat.Quote(s)}";
            }

            var key = kv[0].Trim();
            var val = kv[1].Trim();
            if (TryConvert(keyType, key, p, out var k) is { } keyError)
            {
                return $"map key {GoFormat.Quote(key)}: {keyError}";
            }

            if (TryConvert(valueType, val, p, out var v) is { } valueError)
            {
                return $"map key {GoFormat.Quote(key)}, value {GoFormat.Quote(val)}: {valueError}";
            }

            map[k!] = v;
        }

        result = map;
        return null;
    }

    private static string? ParseSlice(Type sliceType, Type elementType, string value, TypedConfigParams p, out object? result)
    {
        result = null;
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
        var parts = p.Split(value);
        var canRange = p.RangeSeparator.Length > 0 && IsInteger(elementType);
        for (var i = 0; i < parts.Length; i++)
        {
            var s = parts[i].Trim();
            var error = canRange && s.Contains(p.RangeSeparator, StringComparison.Ordinal)
                ? ExpandRange(elementType, s, p.RangeSeparator, list)
                : AppendElement(elementType, s, p, list);
            if (error is not null)
            {
                return $"slice element {i}: {error}";
            }
        }

        if (sliceType.IsArray)
        {
            var array = Array.CreateInstance(elementType, list.Count);
            list.CopyTo(array, 0);
            result = array;
        }
        else
        {
            result = list;
        }

        return null;
    }

    private static string? AppendElement(Type elementType, string s, TypedConfigParams p, IList list)
    {
        var error = TryConvert(elementType, s, p, out var element);
        if (error is null)
        {
            list.Add(element);
        }

        return error;
    }

    private static string? ExpandRange(Type elementType, string s, string separator, IList list)
    {
        var bounds = s.Split(separator);
        if (bounds.Length != 2)
        {
            return $"expected format start{separator}end, got {GoFormat.Quote(s)}";
        }

        if (ParseJsonNumber(elementType, bounds[0], out var start) is { } startError)
        {
            return $"unable to parse start value {GoFormat.Quote(bounds[0])}: {startError}";
        }

        if (ParseJsonNumber(elementType, bounds[1], out var end) is { } endError)
        {
            return $"unable to parse end value {GoFormat.Quote(bounds[1])}: {endError}";
        }

        if (start is ulong or uint || end is ulong or uint)
        {
            start = Convert.ToDecimal(start ?? 0, CultureInfo.InvariantCulture) > long.MaxValue ? long.MaxValue : start;
            end = Convert.ToDecimal(end ?? 0, CultureInfo.InvariantCulture) > long.MaxValue ? long.MaxValue : end;
        }

        var from = Convert.ToInt64(start ?? 0, CultureInfo.InvariantCulture);
        var to = Convert.ToInt64(end ?? 0, CultureInfo.InvariantCulture);
        // KEDA would try to allocate any range; a typo like "0-2000000000" must not exhaust the operator's memory.
        if ((decimal)to - from >= MaxRangeElements)
        {
            return $"range {GoFormat.Quote(s)} has more than {MaxRangeElements} elements";
        }

        // An inverted range ("5..3") yields no elements and no error, as in KEDA.
        for (var i = from; i <= to; i++)
        {
            list.Add(Convert.ChangeType(i, elementType, CultureInfo.InvariantCulture));
            if (i == long.MaxValue)
            {
                break;
            }
        }

        return null;
    }

    private static bool IsInteger(Type t) => t == typeof(int) || t == typeof(long) || t == typeof(uint) || t == typeof(ulong);

    private static (Type Key, Type Value)? DictionaryTypes(Type type)
    {
        if (type == typeof(UrlValues))
        {
            return null;
        }

        foreach (var candidate in type.IsInterface ? type.GetInterfaces().Append(type) : type.GetInterfaces())
        {
            if (candidate.IsGenericType && candidate.GetGenericTypeDefinition() == typeof(IDictionary<,>)
                || candidate.IsGenericType && candidate.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
            {
                var args = candidate.GetGenericArguments();
                return (args[0], args[1]);
            }
        }

        return null;
    }

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() is var def
            && (def == typeof(List<>) || def == typeof(IReadOnlyList<>) || def == typeof(IList<>)
                || def == typeof(IEnumerable<>) || def == typeof(IReadOnlyCollection<>) || def == typeof(ICollection<>)))
        {
            return type.GetGenericArguments()[0];
        }

        return null;
    }
}
