using OrderContracts;

namespace OrderGenerator.Sending;

/// <summary>Puts a chunk of orders on the transport, batched where the transport allows.</summary>
internal interface IOrderSender : IAsyncDisposable
{
    /// <summary>Where the orders go, for the summary (e.g. "Service Bus queue 'orders'").</summary>
    string Destination { get; }

    Task<SendResult> SendAsync(IReadOnlyList<Order> orders, CancellationToken cancellationToken);
}

/// <summary>How many of a chunk were queued, and the first error if some were not.</summary>
internal sealed record SendResult(int Queued, int Failed, string? Error);
