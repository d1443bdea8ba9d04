using System.Text.Json;
using System.Xml;

namespace LocalServiceBus.Config;

/// <summary>
/// Reads the emulator's Config.json (<c>UserConfig.Namespaces[0]</c> with Queues, Topics, Subscriptions and Rules).
/// Bad input fails with a <see cref="FormatException"/> naming the JSON path and the accepted values.
/// </summary>
internal static class EmulatorConfigReader
{
    public static EmulatorConfig Parse(string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new FormatException($"Config.json is not valid JSON: {e.Message}", e);
        }

        using (doc)
        {
            var user = Required(doc.RootElement, "UserConfig", "UserConfig");
            var namespaces = Required(user, "Namespaces", "UserConfig.Namespaces");
            if (namespaces.ValueKind != JsonValueKind.Array || namespaces.GetArrayLength() != 1)
            {
                throw new FormatException("UserConfig.Namespaces must be an array with exactly one namespace (the emulator has one).");
            }

            var ns = namespaces[0];
            var name = String(ns, "Name", "UserConfig.Namespaces[0].Name") ?? EmulatorLimits.NamespaceName;
            var queues = Array(ns, "Queues", "UserConfig.Namespaces[0].Queues")
                .Select((q, i) => ReadQueue(q, $"UserConfig.Namespaces[0].Queues[{i}]")).ToList();
            var topics = Array(ns, "Topics", "UserConfig.Namespaces[0].Topics")
                .Select((t, i) => ReadTopic(t, $"UserConfig.Namespaces[0].Topics[{i}]")).ToList();
            if (queues.Count + topics.Count > EmulatorLimits.MaxEntities)
            {
                throw new FormatException($"UserConfig.Namespaces[0]: {queues.Count + topics.Count} queues and topics; the emulator allows at most {EmulatorLimits.MaxEntities}.");
            }

            var duplicate = queues.Select(q => q.Name).Concat(topics.Select(t => t.Name))
                .GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new FormatException($"UserConfig.Namespaces[0]: the entity name '{duplicate.Key}' is used more than once.");
            }

            return new EmulatorConfig { NamespaceName = name, Queues = queues, Topics = topics };
        }
    }

    private static QueueDefinition ReadQueue(JsonElement queue, string path) =>
        new(EntityName(queue, path), ReadProperties(queue, path));

    private static TopicDefinition ReadTopic(JsonElement topic, string path)
    {
        var subscriptions = Array(topic, "Subscriptions", path + ".Subscriptions")
            .Select((s, i) => ReadSubscription(s, $"{path}.Subscriptions[{i}]")).ToList();
        if (subscriptions.Count > EmulatorLimits.MaxSubscriptionsPerTopic)
        {
            throw new FormatException($"{path}.Subscriptions: the emulator allows at most {EmulatorLimits.MaxSubscriptionsPerTopic} subscriptions per topic.");
        }

        return new TopicDefinition(EntityName(topic, path), subscriptions);
    }

    private static SubscriptionDefinition ReadSubscription(JsonElement sub, string path)
    {
        var rules = Array(sub, "Rules", path + ".Rules").Select((r, i) => ReadRule(r, $"{path}.Rules[{i}]")).ToList();
        return new SubscriptionDefinition(EntityName(sub, path), ReadProperties(sub, path), rules);
    }

    private static RuleDefinition ReadRule(JsonElement rule, string path)
    {
        var name = String(rule, "Name", path + ".Name") ?? "$Default";
        if (!rule.TryGetProperty("Properties", out var props))
        {
            return new RuleDefinition(name, null, null);
        }

        var filterType = String(props, "FilterType", path + ".Properties.FilterType");
        switch (filterType)
        {
            case null:
                return new RuleDefinition(name, null, null);
            case var t when t.Equals("Sql", StringComparison.OrdinalIgnoreCase):
                var sql = props.TryGetProperty("SqlFilter", out var sf) ? String(sf, "SqlExpression", path + ".Properties.SqlFilter.SqlExpression") : null;
                return new RuleDefinition(name, null, sql ?? throw new FormatException($"{path}.Properties.SqlFilter.SqlExpression is required when FilterType is Sql."));
            case var t when t.Equals("Correlation", StringComparison.OrdinalIgnoreCase):
                var cf = Required(props, "CorrelationFilter", path + ".Properties.CorrelationFilter");
                return new RuleDefinition(name, ReadCorrelation(cf, path + ".Properties.CorrelationFilter"), null);
            default:
                throw new FormatException($"{path}.Properties.FilterType: '{filterType}' is not supported; accepted values: Correlation, Sql.");
        }
    }

    private static CorrelationFilterDefinition ReadCorrelation(JsonElement cf, string path)
    {
        var system = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var application = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in cf.EnumerateObject())
        {
            if (p.NameEquals("Properties") && p.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var ap in p.Value.EnumerateObject())
                {
                    application[ap.Name] = ap.Value.ToString();
                }
            }
            else if (p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() is { Length: > 0 } v)
            {
                if (!CorrelationFields.Contains(p.Name))
                {
                    throw new FormatException($"{path}.{p.Name} is not a correlation filter field; accepted: {string.Join(", ", CorrelationFields)}, Properties.");
                }

                system[p.Name] = v;
            }
        }

        return new CorrelationFilterDefinition(system, application);
    }

    private static readonly string[] CorrelationFields =
        ["ContentType", "CorrelationId", "Label", "MessageId", "ReplyTo", "ReplyToSessionId", "SessionId", "To"];

    private static EntityProperties ReadProperties(JsonElement entity, string path)
    {
        var result = new EntityProperties();
        if (!entity.TryGetProperty("Properties", out var p))
        {
            return result;
        }

        path += ".Properties";
        result = result with
        {
            LockDuration = Duration(p, "LockDuration", path, result.LockDuration, EmulatorLimits.MinLockDuration, EmulatorLimits.MaxLockDuration),
            DefaultMessageTimeToLive = Duration(p, "DefaultMessageTimeToLive", path, result.DefaultMessageTimeToLive, TimeSpan.FromSeconds(1), EmulatorLimits.MaxMessageTimeToLive),
            DuplicateDetectionHistoryTimeWindow = Duration(p, "DuplicateDetectionHistoryTimeWindow", path, result.DuplicateDetectionHistoryTimeWindow, TimeSpan.FromSeconds(20), TimeSpan.FromDays(7)),
            MaxDeliveryCount = Int(p, "MaxDeliveryCount", path, result.MaxDeliveryCount),
            DeadLetteringOnMessageExpiration = Bool(p, "DeadLetteringOnMessageExpiration", path),
            RequiresSession = Bool(p, "RequiresSession", path),
            RequiresDuplicateDetection = Bool(p, "RequiresDuplicateDetection", path),
            ForwardTo = String(p, "ForwardTo", path + ".ForwardTo") ?? "",
            ForwardDeadLetteredMessagesTo = String(p, "ForwardDeadLetteredMessagesTo", path + ".ForwardDeadLetteredMessagesTo") ?? "",
        };
        return result;
    }

    private static TimeSpan Duration(JsonElement p, string name, string path, TimeSpan fallback, TimeSpan min, TimeSpan max)
    {
        var text = String(p, name, $"{path}.{name}");
        if (text is null)
        {
            return fallback;
        }

        TimeSpan value;
        try
        {
            value = XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException)
        {
            throw new FormatException($"{path}.{name}: '{text}' is not an ISO 8601 duration (e.g. PT1M).");
        }

        return value >= min && value <= max
            ? value
            : throw new FormatException($"{path}.{name}: {text} is out of range; accepted {XmlConvert.ToString(min)} to {XmlConvert.ToString(max)}.");
    }

    private static int Int(JsonElement p, string name, string path, int fallback)
    {
        if (!p.TryGetProperty(name, out var v))
        {
            return fallback;
        }

        return v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) && i is >= EmulatorLimits.MinMaxDeliveryCount and <= EmulatorLimits.MaxMaxDeliveryCount
            ? i
            : throw new FormatException($"{path}.{name}: {v} is not accepted; accepted integers {EmulatorLimits.MinMaxDeliveryCount} to {EmulatorLimits.MaxMaxDeliveryCount}.");
    }

    private static bool Bool(JsonElement p, string name, string path) =>
        !p.TryGetProperty(name, out var v) ? false : v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new FormatException($"{path}.{name}: {v} is not accepted; accepted values: true, false."),
        };

    private static string EntityName(JsonElement e, string path)
    {
        var name = String(e, "Name", path + ".Name");
        return string.IsNullOrWhiteSpace(name) ? throw new FormatException($"{path}.Name is required.") : name;
    }

    private static string? String(JsonElement e, string name, string path)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.String ? v.GetString() : throw new FormatException($"{path} must be a string.");
    }

    private static JsonElement Required(JsonElement e, string name, string path) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : throw new FormatException($"{path} is required.");

    private static List<JsonElement> Array(JsonElement e, string name, string path)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        return v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().ToList() : throw new FormatException($"{path} must be an array.");
    }
}
