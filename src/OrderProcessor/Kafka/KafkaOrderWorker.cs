using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderContracts;
using OrderProcessor.Configuration;
using OrderProcessor.Processing;
using ServiceDefaults.Messaging;

namespace OrderProcessor.Kafka;

/// <summary>
/// Works through the Kafka topic in consumer group <c>order-processor</c>: takes up to <c>Concurrency</c> records,
/// processes them in parallel, and commits their offsets only after every one finished (processed, or
/// dead-lettered to the dead-letter topic with a reason). A failing order is retried in place up to
/// <c>MaxDeliveryAttempts</c>. On stop it takes no new records, finishes the batch, commits and leaves the group;
/// a batch interrupted by the end of the grace period is not committed, so another consumer gets it again.
/// </summary>
internal sealed class KafkaOrderWorker(
    IConsumer<string, byte[]> consumer,
    IProducer<string, byte[]> deadLetterProducer,
    PendingOffsets pending,
    OrderHandler handler,
    OrderProcessorSettings settings,
    TimeProvider timeProvider,
    ILogger<KafkaOrderWorker> logger) : IHostedService, IDisposable
{
    public const string ReasonHeader = "dead-letter-reason";
    public const string DescriptionHeader = "dead-letter-description";
    public const string InvalidOrderReason = "InvalidOrder";
    public const string TooManyAttemptsReason = "MaxDeliveryAttemptsExceeded";
    private const string Transport = "kafka";
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan DisposeTimeout = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abort = new();
    private Task? _loop;
    private int _inFlight;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        OrderProcessorLog.PumpStarting(logger, Transport, settings.Topic, settings.Concurrency, settings.ProcessingTime);
        consumer.Subscribe(settings.Topic);
        _loop = Task.Factory.StartNew(RunAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        OrderProcessorLog.PumpStarted(logger);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_loop is null)
        {
            return;
        }

        OrderProcessorLog.PumpClosing(logger, Volatile.Read(ref _inFlight));
        await _stopping.CancelAsync().ConfigureAwait(false);
        await using var registration = cancellationToken.Register(_abort.Cancel).ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        OrderProcessorLog.PumpClosed(logger);
    }

    public void Dispose()
    {
        // A host disposed without StopAsync would otherwise leave the loop inside Consume on a consumer that DI
        // disposes right after this worker: a use-after-free in librdkafka (it crashed a test host).
        if (_loop is { IsCompleted: false } loop)
        {
            _abort.Cancel();
            _stopping.Cancel();
            try
            {
                loop.Wait(DisposeTimeout);
            }
            catch (AggregateException)
            {
                // The loop logged its own failure.
            }
        }

        _stopping.Dispose();
        _abort.Dispose();
    }

    private async Task RunAsync()
    {
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                TryCommit();
                var batch = NextBatch();
                if (batch.Count == 0)
                {
                    continue;
                }

                Interlocked.Add(ref _inFlight, batch.Count);
                try
                {
                    await Task.WhenAll(batch.Select(HandleAsync)).ConfigureAwait(false);
                }
                finally
                {
                    Interlocked.Add(ref _inFlight, -batch.Count);
                }

                pending.Set(batch.GroupBy(r => r.TopicPartition).Select(g => new TopicPartitionOffset(g.Key, g.Max(r => r.Offset.Value) + 1)));
                TryCommit();
            }
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            // Not committed: the group hands these records to the next consumer.
        }
        catch (KafkaException e)
        {
            OrderProcessorLog.TransportError(logger, e, Transport, "consume");
        }
        finally
        {
            TryCommit();
            consumer.Close();
        }
    }

    /// <summary>Commits the finished orders of the partitions still owned; a refused commit (rebalance) stays pending.</summary>
    private void TryCommit()
    {
        if (pending.IsEmpty)
        {
            return;
        }

        var owned = pending.Owned(consumer.Assignment);
        try
        {
            if (owned.Count > 0)
            {
                consumer.Commit(owned);
            }

            pending.Clear();
        }
        catch (KafkaException e) when (!e.Error.IsFatal)
        {
            OrderProcessorLog.CommitDeferred(logger, e.Error.Reason);
        }
    }

    private List<ConsumeResult<string, byte[]>> NextBatch()
    {
        var batch = new List<ConsumeResult<string, byte[]>>();
        try
        {
            if (consumer.Consume(PollTimeout) is { IsPartitionEOF: false } first)
            {
                batch.Add(first);
            }
        }
        catch (OperationCanceledException)
        {
            return batch;
        }
        catch (ConsumeException e) when (!e.Error.IsFatal)
        {
            // e.g. the topic does not exist yet: say so and keep polling.
            OrderProcessorLog.TransportError(logger, e, Transport, e.Error.Reason);
            _stopping.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(1));
            return batch;
        }

        while (batch.Count > 0 && batch.Count < settings.Concurrency && consumer.Consume(TimeSpan.Zero) is { IsPartitionEOF: false } next)
        {
            batch.Add(next);
        }

        return batch;
    }

    private async Task HandleAsync(ConsumeResult<string, byte[]> record)
    {
        if (!OrderJson.TryDeserialize(record.Message.Value ?? [], out var order, out var error))
        {
            await DeadLetterAsync(record, InvalidOrderReason, error).ConfigureAwait(false);
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var parent = MessageTraceContext.Extract(record.Message.Headers);
                using var span = KafkaTracing.StartProcess(record, settings.ConsumerGroup);
                await handler.ProcessAsync(order, span?.Context ?? parent, Transport, _abort.Token).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (_abort.IsCancellationRequested)
            {
                OrderProcessorLog.Interrupted(logger, order.Id);
                throw;
            }
            catch (Exception e)
            {
                OrderProcessorLog.Failed(logger, e, order.Id, attempt, Transport);
                if (attempt >= settings.MaxDeliveryAttempts)
                {
                    await DeadLetterAsync(record, TooManyAttemptsReason,
                        $"failed {attempt} times; the limit is {settings.MaxDeliveryAttempts} (OrderProcessor:MaxDeliveryAttempts): {e.Message}").ConfigureAwait(false);
                    return;
                }

                await Task.Delay(RetryDelay, timeProvider, _abort.Token).ConfigureAwait(false);
            }
        }
    }

    private async Task DeadLetterAsync(ConsumeResult<string, byte[]> record, string reason, string description)
    {
        var id = record.Message.Key ?? $"{record.TopicPartitionOffset}";
        OrderProcessorLog.DeadLettered(logger, id, reason, description);
        var headers = new Headers();
        foreach (var header in record.Message.Headers ?? [])
        {
            headers.Add(header.Key, header.GetValueBytes());
        }

        headers.Add(ReasonHeader, Encoding.UTF8.GetBytes(reason));
        headers.Add(DescriptionHeader, Encoding.UTF8.GetBytes(description));
        headers.Add("dead-letter-source", Encoding.UTF8.GetBytes(record.TopicPartitionOffset.ToString()));
        await deadLetterProducer.ProduceAsync(settings.DeadLetterTopic,
            new Message<string, byte[]> { Key = record.Message.Key!, Value = record.Message.Value, Headers = headers }, _abort.Token).ConfigureAwait(false);
    }
}
