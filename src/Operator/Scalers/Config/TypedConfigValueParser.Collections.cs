using System.Collections;
using System.Globalization;

namespace Operator.Scalers.Config;

/// <summary>Maps (<c>k=v,k2=v2</c>) and slices (with optional integer ranges) for <see cref="TypedConfigValueParser"/>.</summary>
internal static partial class TypedConfigValueParser
{
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
