using global::OrderGenerator;
using global::OrderGenerator.Sending;
using OrderContracts;
using Spectre.Console.Testing;

namespace OrderSample.Tests.OrderGenerator;

public sealed class OrderQueuerTests
{
    [Fact]
    public async Task Queue_SendsEveryOrderOnceInBatches()
    {
        var sender = new RecordingSender();
        var queuer = new OrderQueuer(sender, new OrderFaker(seed: 1), new TestConsole(), TimeProvider.System);

        var summary = await queuer.QueueAsync(250, rate: null, batchSize: 100, TestContext.Current.CancellationToken);

        Assert.Equal(250, summary.Queued);
        Assert.Equal(0, summary.Failed);
        Assert.Equal([100, 100, 50], sender.Chunks);
        Assert.Equal(250, sender.Orders.Select(o => o.Id).Distinct().Count());
    }

    [Fact]
    public async Task Queue_WithRate_SendsSmallChunks()
    {
        var sender = new RecordingSender();
        var queuer = new OrderQueuer(sender, new OrderFaker(seed: 1), new TestConsole(), TimeProvider.System);

        await queuer.QueueAsync(6, rate: 20, batchSize: 100, TestContext.Current.CancellationToken);

        Assert.Equal([2, 2, 2], sender.Chunks);
    }

    [Fact]
    public async Task Queue_SenderFails_SummaryCountsFailuresAndKeepsTheFirstError()
    {
        var sender = new RecordingSender { FailEvery = 2 };
        var queuer = new OrderQueuer(sender, new OrderFaker(seed: 1), new TestConsole(), TimeProvider.System);

        var summary = await queuer.QueueAsync(40, rate: null, batchSize: 10, TestContext.Current.CancellationToken);

        Assert.Equal(20, summary.Queued);
        Assert.Equal(20, summary.Failed);
        Assert.Equal("chunk 2 refused", summary.FirstError);
        Assert.StartsWith("Queued 20 of 40 orders on recording", summary.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Our own sending seam, recording what it was handed (the brokers are exercised in the end-to-end tests).</summary>
    private sealed class RecordingSender : IOrderSender
    {
        public List<Order> Orders { get; } = [];

        public List<int> Chunks { get; } = [];

        public int FailEvery { get; init; }

        public string Destination => "recording";

        public Task<SendResult> SendAsync(IReadOnlyList<Order> orders, CancellationToken cancellationToken)
        {
            Chunks.Add(orders.Count);
            if (FailEvery > 0 && Chunks.Count % FailEvery == 0)
            {
                return Task.FromResult(new SendResult(0, orders.Count, $"chunk {Chunks.Count} refused"));
            }

            Orders.AddRange(orders);
            return Task.FromResult(new SendResult(orders.Count, 0, null));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
