using OrderContracts;

namespace OrderGenerator;

/// <summary>What the command line asked for; unset values come from configuration or the environment.</summary>
internal sealed record GeneratorOptions
{
    /// <summary>How many orders; none means ask, like the original sample.</summary>
    public int? Count { get; init; }

    public OrderTransport? Transport { get; init; }

    /// <summary>Orders per second; none means as fast as the transport takes them.</summary>
    public double? Rate { get; init; }

    /// <summary>Orders sent together (one Service Bus batch, or one round of Kafka produces).</summary>
    public int BatchSize { get; init; } = GeneratorDefaults.BatchSize;
}

/// <summary>The generator's defaults.</summary>
internal static class GeneratorDefaults
{
    public const int BatchSize = 100;

    public const string SectionName = "OrderGenerator";
}
