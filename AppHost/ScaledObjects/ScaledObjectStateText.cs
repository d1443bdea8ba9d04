using System.Globalization;

namespace AppHost.ScaledObjects;

/// <summary>The one line a ScaledObject resource shows: "3/10 replicas · queue 42 / target 5 · active".</summary>
internal static class ScaledObjectStateText
{
    public static string Format(int replicas, int? maxReplicas, LatestDecision? decision)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{replicas}/{(maxReplicas is { } max ? max.ToString(CultureInfo.InvariantCulture) : "?")} replicas");
        if (decision is null)
        {
            return text + " · no decision yet";
        }

        if (decision.Value is { } value)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" · {Label(decision.TriggerType)} {value:0.##}");
            if (decision.Target is { } target)
            {
                text += string.Create(CultureInfo.InvariantCulture, $" / target {target:0.##}");
            }
        }

        return text + (decision.IsActive ? " · active" : " · idle");
    }

    // What the trigger's number means to a reader of the sample.
    private static string Label(string? triggerType) => triggerType switch
    {
        "azure-servicebus" => "queue",
        "kafka" => "lag",
        null => "metric",
        _ => triggerType,
    };
}
