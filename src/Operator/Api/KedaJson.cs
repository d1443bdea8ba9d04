using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using k8s;

namespace Operator.Api;

/// <summary>
/// JSON (de)serialization of the KEDA resources: KubernetesClient's conventions (so embedded <c>k8s.Models</c>
/// types such as quantities and int-or-strings serialize as the API server expects) with RFC 3339 second-precision
/// timestamps, as Go's <c>metav1.Time</c> writes them, so documents round-trip exactly.
/// </summary>
public static class KedaJson
{
    /// <summary>Options for <see cref="JsonSerializer"/>; read-only.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);

    public static T? Deserialize<T>(JsonElement json) => json.Deserialize<T>(Options);

    private static JsonSerializerOptions CreateOptions()
    {
        // KubernetesJson keeps its options private; AddJsonOptions hands them to the callback, which only copies them.
        JsonSerializerOptions? kubernetes = null;
        KubernetesJson.AddJsonOptions(o => kubernetes = o);
        var options = kubernetes is null ? new JsonSerializerOptions() : new JsonSerializerOptions(kubernetes);
        options.Converters.Insert(0, new Rfc3339DateTimeConverter());
        options.Converters.Insert(0, new Rfc3339NullableDateTimeConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Go's <c>metav1.Time</c> format: UTC, second precision, <c>Z</c> suffix.</summary>
    private sealed class Rfc3339DateTimeConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTime.Parse(
                reader.GetString() ?? "",
                CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(
                value.ToUniversalTime().ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture));
    }

    private sealed class Rfc3339NullableDateTimeConverter : JsonConverter<DateTime?>
    {
        private static readonly Rfc3339DateTimeConverter Inner = new();

        public override bool HandleNull => true;

        public override DateTime? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : Inner.Read(ref reader, typeof(DateTime), options);

        public override void Write(Utf8JsonWriter writer, DateTime? value, JsonSerializerOptions options)
        {
            if (value is { } v)
            {
                Inner.Write(writer, v, options);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
