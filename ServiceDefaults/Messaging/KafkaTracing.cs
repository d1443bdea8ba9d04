using System.Diagnostics;
using Confluent.Kafka;

namespace ServiceDefaults.Messaging;

/// <summary>
/// Kafka spans by the OpenTelemetry messaging conventions (Confluent.Kafka has none of its own): a producer span per
/// message whose context travels in the message headers, and a consumer <c>process</c> span continuing it.
/// </summary>
public static class KafkaTracing
{
    public const string ActivitySourceName = "Confluent.Kafka";

    private static readonly ActivitySource Source = new(ActivitySourceName);

    /// <summary>Starts a <c>send {topic}</c> producer span (a new trace unless <paramref name="parent"/> is given) and writes its context into the headers.</summary>
    public static Activity? StartSend<TKey, TValue>(string topic, Message<TKey, TValue> message, ActivityContext parent = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var activity = Source.StartActivity($"send {topic}", ActivityKind.Producer, parent);
        if (activity is null)
        {
            return null;
        }

        SetCommonTags(activity, topic, "send", "publish");
        message.Headers ??= [];
        MessageTraceContext.Inject(activity.Context, message.Headers);
        return activity;
    }

    /// <summary>Records where a produced message landed.</summary>
    public static void SetDelivery<TKey, TValue>(Activity? activity, DeliveryResult<TKey, TValue>? delivery) => SetOffsets(activity, delivery?.Partition, delivery?.Offset);

    /// <summary>Starts a <c>process {topic}</c> consumer span whose parent is the trace context in the message's headers.</summary>
    public static Activity? StartProcess<TKey, TValue>(ConsumeResult<TKey, TValue> result, string consumerGroup)
    {
        ArgumentNullException.ThrowIfNull(result);
        var parent = MessageTraceContext.Extract(result.Message?.Headers);
        var activity = Source.StartActivity($"process {result.Topic}", ActivityKind.Consumer, parent);
        if (activity is null)
        {
            return null;
        }

        SetCommonTags(activity, result.Topic, "process", "process");
        activity.SetTag("messaging.consumer.group.name", consumerGroup);
        SetOffsets(activity, result.Partition, result.Offset);
        return activity;
    }

    private static void SetCommonTags(Activity activity, string topic, string operationName, string operationType)
    {
        activity.SetTag("messaging.system", "kafka");
        activity.SetTag("messaging.destination.name", topic);
        activity.SetTag("messaging.operation.name", operationName);
        activity.SetTag("messaging.operation.type", operationType);
    }

    private static void SetOffsets(Activity? activity, Partition? partition, Offset? offset)
    {
        if (activity is null)
        {
            return;
        }

        if (partition is { } p)
        {
            activity.SetTag("messaging.destination.partition.id", p.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (offset is { } o)
        {
            activity.SetTag("messaging.kafka.offset", o.Value);
        }
    }
}
