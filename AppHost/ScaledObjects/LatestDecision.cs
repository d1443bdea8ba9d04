using System.Text.Json;

namespace AppHost.ScaledObjects;

/// <summary>
/// The newest record of the operator's <c>GET /decisions/{namespace}/{name}</c> (its wire shape: camelCase
/// <c>decisions[].isActive</c>, <c>triggers[].type/value/target</c>, <c>summary</c>), reduced to what the state shows.
/// </summary>
internal sealed record LatestDecision(bool IsActive, string? TriggerType, double? Value, double? Target, string Summary)
{
    public static LatestDecision? Parse(JsonElement list)
    {
        if (!list.TryGetProperty("decisions", out var decisions) || decisions.ValueKind != JsonValueKind.Array || decisions.GetArrayLength() == 0)
        {
            return null;
        }

        var latest = decisions[decisions.GetArrayLength() - 1];
        JsonElement? trigger = latest.TryGetProperty("triggers", out var triggers) && triggers.ValueKind == JsonValueKind.Array && triggers.GetArrayLength() > 0
            ? triggers[0]
            : null;
        return new LatestDecision(
            latest.TryGetProperty("isActive", out var active) && active.ValueKind == JsonValueKind.True,
            trigger is { } t && t.TryGetProperty("type", out var type) ? type.GetString() : null,
            Number(trigger, "value"),
            Number(trigger, "target"),
            latest.TryGetProperty("summary", out var summary) ? summary.GetString() ?? "" : "");
    }

    private static double? Number(JsonElement? element, string property) =>
        element is { } e && e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
