using System.Text.Json.Nodes;
using Operator.Api;

namespace Operator.Scaling.Status;

/// <summary>
/// What one writer changed in a ScaledObject's status: the top-level members whose JSON differs between the status
/// it read and the status it wants, and, for <c>conditions</c>, only the condition types it changed. Re-applied onto
/// whatever the API server holds now, so the controller (Ready, Paused, scale target, metric names) and the scale loop
/// (Active, Fallback, health, lastActiveTime, triggersActivity) never overwrite each other's fields.
/// </summary>
public sealed class ScaledObjectStatusDelta
{
    private const string ConditionsMember = "conditions";
    private readonly Dictionary<string, JsonNode?> _members;
    private readonly Dictionary<string, JsonNode?> _conditions;

    private ScaledObjectStatusDelta(Dictionary<string, JsonNode?> members, Dictionary<string, JsonNode?> conditions)
    {
        _members = members;
        _conditions = conditions;
    }

    /// <summary>True when the writer changed nothing.</summary>
    public bool IsEmpty => _members.Count == 0 && _conditions.Count == 0;

    /// <summary>Names of the changed members (<c>conditions</c> included when any condition type changed).</summary>
    public IEnumerable<string> Members => _conditions.Count > 0 ? _members.Keys.Append(ConditionsMember) : _members.Keys;

    public static ScaledObjectStatusDelta Between(ScaledObjectStatus? before, ScaledObjectStatus after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var old = ToObject(before);
        var wanted = ToObject(after);
        var members = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var name in old.Select(p => p.Key).Union(wanted.Select(p => p.Key)).Where(n => n != ConditionsMember))
        {
            var value = wanted[name];
            if (!JsonNode.DeepEquals(old[name], value))
            {
                members[name] = value?.DeepClone();
            }
        }

        var oldConditions = ByType(old[ConditionsMember]);
        var wantedConditions = ByType(wanted[ConditionsMember]);
        var conditions = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var type in oldConditions.Keys.Union(wantedConditions.Keys))
        {
            var value = wantedConditions.GetValueOrDefault(type);
            if (!JsonNode.DeepEquals(oldConditions.GetValueOrDefault(type), value))
            {
                conditions[type] = value?.DeepClone();
            }
        }

        return new ScaledObjectStatusDelta(members, conditions);
    }

    /// <summary>
    /// The JSON merge patch of <c>status</c> that applies this delta onto <paramref name="current"/> (the status the
    /// server holds now): changed members (null removes one), and the whole condition list with only the changed
    /// types replaced, added or removed, in their current order.
    /// </summary>
    public JsonObject MergePatchOnto(ScaledObjectStatus? current)
    {
        var patch = new JsonObject();
        foreach (var (name, value) in _members)
        {
            patch[name] = value?.DeepClone();
        }

        if (_conditions.Count > 0)
        {
            var merged = new JsonArray();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var condition in ToObject(current)[ConditionsMember] as JsonArray ?? [])
            {
                var type = condition?["type"]?.GetValue<string>() ?? "";
                seen.Add(type);
                var replacement = _conditions.TryGetValue(type, out var changed) ? changed : condition;
                if (replacement is not null)
                {
                    merged.Add(replacement.DeepClone());
                }
            }

            foreach (var (type, condition) in _conditions)
            {
                if (!seen.Contains(type) && condition is not null)
                {
                    merged.Add(condition.DeepClone());
                }
            }

            patch[ConditionsMember] = merged;
        }

        return patch;
    }

    /// <summary><paramref name="current"/> with this delta applied (what the server holds after the patch).</summary>
    public ScaledObjectStatus ApplyTo(ScaledObjectStatus? current)
    {
        var result = ToObject(current);
        foreach (var (name, value) in MergePatchOnto(current))
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = value.DeepClone();
            }
        }

        return KedaJson.Deserialize<ScaledObjectStatus>(result.ToJsonString(KedaJson.Options)) ?? new ScaledObjectStatus();
    }

    private static JsonObject ToObject(ScaledObjectStatus? status) =>
        status is null ? [] : JsonNode.Parse(KedaJson.Serialize(status))!.AsObject();

    private static Dictionary<string, JsonNode> ByType(JsonNode? conditions)
    {
        var byType = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var condition in conditions as JsonArray ?? [])
        {
            if (condition?["type"]?.GetValue<string>() is { } type)
            {
                byType[type] = condition;
            }
        }

        return byType;
    }
}
