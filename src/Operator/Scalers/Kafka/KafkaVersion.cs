using System.Globalization;
using System.Text.RegularExpressions;

namespace Operator.Scalers.Kafka;

/// <summary>A Kafka protocol version as Sarama parses it (<c>sarama.ParseKafkaVersion</c>).</summary>
public sealed partial record KafkaVersion(int Major, int Minor, int Patch, int Build)
{
    /// <summary><c>"2.8.0"</c>, or <c>"0.10.2.1"</c> for 0.x releases; anything else is Sarama's "invalid version".</summary>
    public static (KafkaVersion? Version, string? Error) Parse(string text)
    {
        var invalid = $"invalid version `{text}`";
        if (text.Length < 5)
        {
            return (null, invalid);
        }

        if (text[0] == '0')
        {
            var m = LegacyVersion().Match(text);
            return m.Success ? (new KafkaVersion(0, Int(m, 1), Int(m, 2), Int(m, 3)), null) : (null, invalid);
        }

        var match = ModernVersion().Match(text);
        return match.Success ? (new KafkaVersion(Int(match, 1), Int(match, 2), Int(match, 3), 0), null) : (null, invalid);
    }

    public override string ToString() =>
        Major == 0 ? $"0.{Minor}.{Patch}.{Build}" : $"{Major}.{Minor}.{Patch}";

    private static int Int(Match m, int group) => int.Parse(m.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^0\.([0-9]{1,9})\.([0-9]{1,9})\.([0-9]{1,9})$", RegexOptions.CultureInvariant)]
    private static partial Regex LegacyVersion();

    [GeneratedRegex(@"^([0-9]{1,9})\.([0-9]{1,9})\.([0-9]{1,9})$", RegexOptions.CultureInvariant)]
    private static partial Regex ModernVersion();
}
