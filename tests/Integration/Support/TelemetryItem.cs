namespace Integration.Support;

/// <summary>
/// One span or log record from the dashboard's telemetry API, flattened: its service, name or body, trace and
/// attributes; a log record's severity (<c>severityText</c>) and a span's links (the trace ids they point to).
/// </summary>
public sealed record TelemetryItem(
    string Service, string Name, string TraceId, IReadOnlyDictionary<string, string> Attributes, string Severity = "", IReadOnlyList<string>? LinkedTraceIds = null)
{
    public string? this[string attribute] => Attributes.TryGetValue(attribute, out var value) ? value : null;

    /// <summary>The trace ids of the span's links (none for a log record).</summary>
    public IReadOnlyList<string> Links => LinkedTraceIds ?? [];
}
