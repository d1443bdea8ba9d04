namespace Operator.Tests.Scalers;

/// <summary>Compact map literals for table tests: <c>"k=v|k2=v2"</c> (split on the first <c>=</c> of each pair).</summary>
internal static class TestMaps
{
    public static Dictionary<string, string> Parse(string text)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (text.Length == 0)
        {
            return map;
        }

        foreach (var pair in text.Split('|'))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            map[pair[..eq]] = pair[(eq + 1)..];
        }

        return map;
    }

    public static Dictionary<string, string> Merge(Dictionary<string, string> first, Dictionary<string, string> second)
    {
        var merged = new Dictionary<string, string>(first, StringComparer.Ordinal);
        foreach (var (k, v) in second)
        {
            merged[k] = v;
        }

        return merged;
    }
}
