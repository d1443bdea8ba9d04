namespace Integration.Support;

/// <summary>One span or log record from the dashboard's telemetry API, flattened: its service, name or body, trace and attributes.</summary>
public sealed record TelemetryItem(string Service, string Name, string TraceId, IReadOnlyDictionary<string, string> Attributes)
{
    public string? this[string attribute] => Attributes.TryGetValue(attribute, out var value) ? value : null;
}
