namespace LocalServiceBus.Config;

/// <summary>The entities of the one namespace, as the emulator's <c>Config.json</c> declares them.</summary>
public sealed record EmulatorConfig
{
    internal string NamespaceName { get; init; } = EmulatorLimits.NamespaceName;

    internal IReadOnlyList<QueueDefinition> Queues { get; init; } = [];

    internal IReadOnlyList<TopicDefinition> Topics { get; init; } = [];

    /// <summary>A namespace with no entities (they can be created through the management endpoint).</summary>
    public static EmulatorConfig Empty { get; } = new();

    /// <summary>Reads the emulator's Config.json text; a bad file fails naming the field and what it accepts.</summary>
    public static EmulatorConfig Parse(string json) => EmulatorConfigReader.Parse(json);

    public static EmulatorConfig Load(string path) => EmulatorConfigReader.Parse(File.ReadAllText(path));
}

internal sealed record QueueDefinition(string Name, EntityProperties Properties);

internal sealed record TopicDefinition(string Name, IReadOnlyList<SubscriptionDefinition> Subscriptions);

internal sealed record SubscriptionDefinition(string Name, EntityProperties Properties, IReadOnlyList<RuleDefinition> Rules);

/// <summary>A subscription rule: a correlation filter, a SQL filter or (no filter) match-all.</summary>
internal sealed record RuleDefinition(string Name, CorrelationFilterDefinition? Correlation, string? SqlExpression);

internal sealed record CorrelationFilterDefinition(
    IReadOnlyDictionary<string, string> SystemProperties,
    IReadOnlyDictionary<string, string> ApplicationProperties);
