using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderContracts;
using OrderProcessor.Configuration;
using OrderProcessor.Processing;
using ServiceDefaults.Messaging;

namespace OrderProcessor.ServiceBus;

/// <summary>
/// Works through the Service Bus queue with <see cref="ServiceBusProcessor"/> (peek-lock, no prefetch, no
/// auto-complete): an order is completed only after it was processed, abandoned when processing failed, and
/// dead-lettered with a reason when it is not an order or failed too often. On stop it takes no new messages and
/// finishes those in flight; only when the grace period runs out are they abandoned (so they are redelivered).
/// </summary>
internal sealed class ServiceBusOrderWorker(
    ServiceBusClient client, OrderHandler handler, OrderProcessorSettings settings, ILogger<ServiceBusOrderWorker> logger) : IHostedService, IAsyncDisposable
{
    public const string InvalidOrderReason = "InvalidOrder";
    public const string TooManyDeliveriesReason = "MaxDeliveryAttemptsExceeded";
    private const string Transport = "servicebus";

    private readonly CancellationTokenSource _abort = new();
    private ServiceBusProcessor? _processor;
    private int _inFlight;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        OrderProcessorLog.PumpStarting(logger, Transport, settings.QueueName, settings.Concurrency, settings.ProcessingTime);
        _processor = client.CreateProcessor(settings.QueueName, new ServiceBusProcessorOptions
        {
            MaxConcurrentCalls = settings.Concurrency,
            AutoCompleteMessages = false,
            PrefetchCount = 0,
            ReceiveMode = ServiceBusReceiveMode.PeekLock,
        });
        _processor.ProcessMessageAsync += OnMessageAsync;
        _processor.ProcessErrorAsync += OnErrorAsync;
        await _processor.StartProcessingAsync(cancellationToken).ConfigureAwait(false);
        OrderProcessorLog.PumpStarted(logger);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_processor is null)
        {
            return;
        }

        OrderProcessorLog.PumpClosing(logger, Volatile.Read(ref _inFlight));
        // When the host's shutdown timeout passes, interrupt what is still running: it is abandoned, not lost.
        await using var registration = cancellationToken.Register(_abort.Cancel).ConfigureAwait(false);
        try
        {
            // Waits for the handlers in flight; the handlers do not watch the processor's own token.
            await _processor.StopProcessingAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            OrderProcessorLog.PumpClosed(logger);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_processor is not null)
        {
            await _processor.DisposeAsync().ConfigureAwait(false);
        }

        _abort.Dispose();
    }

    private async Task OnMessageAsync(ProcessMessageEventArgs args)
    {
        var message = args.Message;
        if (message.DeliveryCount > settings.MaxDeliveryAttempts)
        {
            await DeadLetterAsync(args, TooManyDeliveriesReason,
                $"delivered {message.DeliveryCount} times; the limit is {settings.MaxDeliveryAttempts} (OrderProcessor:MaxDeliveryAttempts)").ConfigureAwait(false);
            return;
        }

        if (!OrderJson.TryDeserialize(message.Body.ToMemory().Span, out var order, out var error))
        {
            await DeadLetterAsync(args, InvalidOrderReason, error).ConfigureAwait(false);
            return;
        }

        Interlocked.Increment(ref _inFlight);
        try
        {
            var parent = MessageTraceContext.Extract(message.ApplicationProperties);
            await handler.ProcessAsync(order, parent, Transport, _abort.Token).ConfigureAwait(false);
            await args.CompleteMessageAsync(message, CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            OrderProcessorLog.Interrupted(logger, order.Id);
            await args.AbandonMessageAsync(message, cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not ServiceBusException)
        {
            OrderProcessorLog.Failed(logger, e, order.Id, message.DeliveryCount, Transport);
            await args.AbandonMessageAsync(message, cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task DeadLetterAsync(ProcessMessageEventArgs args, string reason, string description)
    {
        OrderProcessorLog.DeadLettered(logger, args.Message.MessageId, reason, description);
        await args.DeadLetterMessageAsync(args.Message, reason, description, CancellationToken.None).ConfigureAwait(false);
    }

    private Task OnErrorAsync(ProcessErrorEventArgs args)
    {
        OrderProcessorLog.TransportError(logger, args.Exception, Transport, args.ErrorSource.ToString());
        return Task.CompletedTask;
    }
}
