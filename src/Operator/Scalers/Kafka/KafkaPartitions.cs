using System.Globalization;

namespace Operator.Scalers.Kafka;

/// <summary>KEDA's <c>parsePartitionLimitation</c>: <c>"1,2,5-8"</c> → 1,2,5,6,7,8 (int32, inclusive ranges).</summary>
internal static class KafkaPartitions
{
    public static (IReadOnlyList<int>? Partitions, string? Error) Parse(string text)
    {
        var result = new List<int>();
        foreach (var raw in text.Split(','))
        {
            var part = raw.Trim();
            if (part.Contains('-', StringComparison.Ordinal))
            {
                var bounds = part.Split('-');
                if (bounds.Length != 2)
                {
                    return (null, $"invalid partition limitation range: {part}");
                }

                if (!TryParseInt32(bounds[0].Trim(), out var start) || !TryParseInt32(bounds[1].Trim(), out var end))
                {
                    return (null, $"invalid partition limitation: {part}");
                }

                if ((long)end - start >= Config.TypedConfigValueParser.MaxRangeElements)
                {
                    // Not in KEDA: refuse ranges that would exhaust memory.
                    return (null, $"invalid partition limitation range: {part} has more than {Config.TypedConfigValueParser.MaxRangeElements} partitions");
                }

                for (long i = start; i <= end; i++)
                {
                    result.Add((int)i);
                }
            }
            else if (TryParseInt32(part, out var value))
            {
                result.Add(value);
            }
            else
            {
                return (null, $"invalid partition limitation: {part}");
            }
        }

        return (result, null);
    }

    /// <summary>Go's <c>strconv.ParseInt(s, 10, 32)</c>.</summary>
    private static bool TryParseInt32(string s, out int value) =>
        int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
