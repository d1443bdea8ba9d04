namespace OrderSample.Tests.EndToEnd;

/// <summary>
/// The end-to-end tests share one span collector (activity listeners are process-wide), so they run one at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OrderFlowCollection : ICollectionFixture<SpanCollector>
{
    public const string Name = "order flow";
}
