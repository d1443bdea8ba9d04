using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Integration.Support;

/// <summary>
/// The Aspire dashboard's telemetry HTTP API (<c>/api/telemetry/spans</c> with their links, <c>/logs</c> with their
/// severity; OTLP JSON, header
/// <c>x-api-key</c>), read the way a user's script would: from the URL and key in <c>.apphost/environment.env</c>.
/// </summary>
public sealed class DashboardTelemetry : IDisposable
{
    private const int Limit = 20000;
    private readonly HttpClient _http;

    public DashboardTelemetry(string loginUrl, string apiKey)
    {
        var login = new Uri(loginUrl);
        _http = new HttpClient { BaseAddress = new Uri(login.GetLeftPart(UriPartial.Authority)) };
        _http.DefaultRequestHeaders.Add("x-api-key", apiKey);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public Task<IReadOnlyList<TelemetryItem>> SpansAsync(CancellationToken cancellationToken) =>
        ReadAsync("spans", "resourceSpans", "scopeSpans", "spans", span => span.GetProperty("name").GetString() ?? "", cancellationToken);

    public Task<IReadOnlyList<TelemetryItem>> LogsAsync(CancellationToken cancellationToken) =>
        ReadAsync("logs", "resourceLogs", "scopeLogs", "logRecords", Body, cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<IReadOnlyList<TelemetryItem>> ReadAsync(
        string route, string resources, string scopes, string records, Func<JsonElement, string> name, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/api/telemetry/{route}?limit={Limit}"), cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var items = new List<TelemetryItem>();
        if (!document.RootElement.TryGetProperty("data", out var data) || !data.TryGetProperty(resources, out var resourceArray))
        {
            return items;
        }

        foreach (var resource in resourceArray.EnumerateArray())
        {
            var service = Attributes(resource.GetProperty("resource")).GetValueOrDefault("service.name", "");
            foreach (var scope in Array(resource, scopes))
            {
                foreach (var record in Array(scope, records))
                {
                    var traceId = record.TryGetProperty("traceId", out var trace) ? trace.GetString() ?? "" : "";
                    var severity = record.TryGetProperty("severityText", out var text) ? text.GetString() ?? "" : "";
                    // OTLP JSON span links: [{"traceId": ..., "spanId": ..., "attributes": [...]}].
                    var links = Array(record, "links").Select(link => link.TryGetProperty("traceId", out var id) ? id.GetString() ?? "" : "").ToList();
                    items.Add(new TelemetryItem(service, name(record), traceId, Attributes(record), severity, links));
                }
            }
        }

        return items;
    }

    private static JsonElement[] Array(JsonElement element, string property) =>
        element.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array ? [.. array.EnumerateArray()] : [];

    private static string Body(JsonElement record) =>
        record.TryGetProperty("body", out var body) ? Value(body) : "";

    private static Dictionary<string, string> Attributes(JsonElement element)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in Array(element, "attributes"))
        {
            attributes[attribute.GetProperty("key").GetString() ?? ""] = Value(attribute.GetProperty("value"));
        }

        return attributes;
    }

    // OTLP JSON AnyValue: {"stringValue": ...} | {"intValue": "42"} | {"boolValue": true} | {"doubleValue": 1.5}.
    private static string Value(JsonElement value)
    {
        foreach (var property in value.EnumerateObject())
        {
            return property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() ?? "" : property.Value.GetRawText();
        }

        return "";
    }
}
