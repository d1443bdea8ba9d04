using System.Text.Json.Nodes;

namespace EmbeddedKubernetes.Resources;

/// <summary>
/// Field conversion between a served version and the stored one, for the built-ins whose versions differ in shape:
/// autoscaling/v1 HorizontalPodAutoscaler (targetCPUUtilizationPercentage) ↔ the stored autoscaling/v2 (metrics).
/// Every other resource is stored as sent and presented with only apiVersion rewritten.
/// </summary>
internal static class VersionConversion
{
    private const string Hpa = "horizontalpodautoscalers.autoscaling";

    /// <summary>Rewrites a body sent in <paramref name="type"/>'s version into the stored shape, in place.</summary>
    public static void ToStorage(ResourceType type, JsonObject body)
    {
        if (!IsHpaV1(type))
        {
            return;
        }

        if (body["spec"] is JsonObject spec)
        {
            var target = spec["targetCPUUtilizationPercentage"];
            spec.Remove("targetCPUUtilizationPercentage");
            if (target is not null)
            {
                spec["metrics"] = new JsonArray(CpuMetric("target", "Utilization", target.DeepClone()));
            }
        }

        if (body["status"] is JsonObject status)
        {
            var current = status["currentCPUUtilizationPercentage"];
            status.Remove("currentCPUUtilizationPercentage");
            if (current is not null)
            {
                status["currentMetrics"] = new JsonArray(CpuMetric("current", null, current.DeepClone()));
            }
        }
    }

    /// <summary>Rewrites a stored object into <paramref name="type"/>'s version, in place.</summary>
    public static void FromStorage(ResourceType type, JsonObject node)
    {
        if (!IsHpaV1(type))
        {
            return;
        }

        if (node["spec"] is JsonObject spec)
        {
            var cpu = CpuUtilization(spec["metrics"], "target");
            spec.Remove("metrics");
            spec.Remove("behavior");
            if (cpu is not null)
            {
                spec["targetCPUUtilizationPercentage"] = cpu;
            }
        }

        if (node["status"] is JsonObject status)
        {
            var cpu = CpuUtilization(status["currentMetrics"], "current");
            status.Remove("currentMetrics");
            status.Remove("conditions");
            if (cpu is not null)
            {
                status["currentCPUUtilizationPercentage"] = cpu;
            }
        }
    }

    private static bool IsHpaV1(ResourceType type) => type.GroupResource == Hpa && type.Version == "v1";

    private static JsonObject CpuMetric(string valueKey, string? targetType, JsonNode utilization)
    {
        var value = new JsonObject();
        if (targetType is not null)
        {
            value["type"] = targetType;
        }

        value["averageUtilization"] = utilization;
        return new JsonObject
        {
            ["type"] = "Resource",
            ["resource"] = new JsonObject { ["name"] = "cpu", [valueKey] = value },
        };
    }

    private static JsonNode? CpuUtilization(JsonNode? metrics, string valueKey) =>
        (metrics as JsonArray ?? []).OfType<JsonObject>()
            .Where(m => m["type"]?.GetValue<string>() == "Resource" && m["resource"]?["name"]?.GetValue<string>() == "cpu")
            .Select(m => m["resource"]?[valueKey]?["averageUtilization"]?.DeepClone())
            .FirstOrDefault(u => u is not null);
}
