using System.Text.Json.Nodes;

namespace EmbeddedKubernetes.Tables;

/// <summary>The HPA TARGETS cell as kubectl 1.32 prints it ("cpu: 40%/80%", "5/10 (avg)", "&lt;unknown&gt;/1", "+ N more...").</summary>
internal static class HpaTargets
{
    private const int MaxShown = 2;

    public static JsonNode? Format(JsonObject hpa)
    {
        var specs = (hpa["spec"]?["metrics"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (specs.Count == 0)
        {
            return "<none>";
        }

        var statuses = (hpa["status"]?["currentMetrics"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var shown = new List<string>();
        for (var i = 0; i < specs.Count && i < MaxShown; i++)
        {
            shown.Add(One(specs[i], i < statuses.Count ? statuses[i] : null));
        }

        var text = string.Join(", ", shown);
        return specs.Count > MaxShown ? $"{text} + {specs.Count - MaxShown} more..." : text;
    }

    private static string One(JsonObject spec, JsonObject? status)
    {
        var type = spec["type"]?.GetValue<string>() ?? "";
        var field = type switch
        {
            "External" => "external",
            "Pods" => "pods",
            "Object" => "object",
            "ContainerResource" => "containerResource",
            _ => "resource",
        };
        var target = spec[field]?["target"] as JsonObject;
        var current = status?[field]?["current"] as JsonObject;
        var targetType = target?["type"]?.GetValue<string>();
        if (type is "Resource" or "ContainerResource")
        {
            var name = spec[field]?["name"]?.GetValue<string>() ?? "";
            if (targetType == "Utilization")
            {
                var now = current?["averageUtilization"] is JsonNode u ? $"{u}%" : "<unknown>";
                return $"{name}: {now}/{target?["averageUtilization"]}%";
            }

            return $"{name}: {Value(current?["averageValue"])}/{Value(target?["averageValue"])}";
        }

        return targetType == "AverageValue"
            ? $"{Value(current?["averageValue"])}/{Value(target?["averageValue"])} (avg)"
            : $"{Value(current?["value"])}/{Value(target?["value"])}";
    }

    private static string Value(JsonNode? node) => node is null ? "<unknown>" : TableBuilder.Text(node);
}
