using System.Text.Json;
using System.Text.Json.Nodes;

namespace AppHost.ServiceBus;

/// <summary>The Service Bus emulator's Config.json (namespace <c>sbemulatorns</c>, queues with their defaults).</summary>
internal static class EmulatorConfig
{
    public static string Render(IEnumerable<string> queues)
    {
        var queueArray = new JsonArray();
        foreach (var queue in queues)
        {
            queueArray.Add(new JsonObject
            {
                ["Name"] = queue,
                ["Properties"] = new JsonObject
                {
                    ["DeadLetteringOnMessageExpiration"] = false,
                    ["DefaultMessageTimeToLive"] = "PT1H",
                    ["DuplicateDetectionHistoryTimeWindow"] = "PT20S",
                    ["ForwardDeadLetteredMessagesTo"] = "",
                    ["ForwardTo"] = "",
                    ["LockDuration"] = "PT1M",
                    ["MaxDeliveryCount"] = 10,
                    ["RequiresDuplicateDetection"] = false,
                    ["RequiresSession"] = false,
                },
            });
        }

        var root = new JsonObject
        {
            ["UserConfig"] = new JsonObject
            {
                ["Namespaces"] = new JsonArray
                {
                    new JsonObject { ["Name"] = "sbemulatorns", ["Queues"] = queueArray, ["Topics"] = new JsonArray() },
                },
                ["Logging"] = new JsonObject { ["Type"] = "File" },
            },
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
