using System.Diagnostics;
using Confluent.Kafka;
using ServiceDefaults.Messaging;

namespace Operator.Scalers.Kafka;

/// <summary>
/// Reads the first waiting message of each lagging partition, at the group's committed offset, for its
/// <c>traceparent</c> header: a consumer of its own group id with <c>Assign</c> (never <c>Subscribe</c>), so it neither
/// joins the scaled group nor commits (auto-commit and offset store off). One short-lived consumer per read: decisions
/// are rare. Blocking librdkafka calls run off the caller's thread and end at the token.
/// </summary>
internal static class KafkaTraceReader
{
    private static readonly TimeSpan ConsumeStep = TimeSpan.FromMilliseconds(50);

    /// <summary>Where the waiting messages start, from one offset reading: the committed offset of each lagging partition.</summary>
    public static IReadOnlyList<TopicPartitionOffset> WaitingStarts(KafkaOffsets offsets, KafkaLagRules rules, int max) =>
    [
        .. offsets.Latest
            .OrderBy(p => p.Key.Topic, StringComparer.Ordinal).ThenBy(p => p.Key.Partition.Value)
            .Select(p => (Partition: p.Key, Latest: p.Value, Committed: offsets.Committed.GetValueOrDefault(p.Key, KafkaDefaults.InvalidOffset)))
            .Where(p => p.Committed == KafkaDefaults.InvalidOffset ? rules.IsEarliest && p.Latest > 0 : p.Committed < p.Latest)
            .Take(max)
            .Select(p => new TopicPartitionOffset(p.Partition, p.Committed == KafkaDefaults.InvalidOffset ? Offset.Beginning : new Offset(p.Committed))),
    ];

    public static Task<IReadOnlyList<ActivityContext>> ReadAsync(
        KafkaConnection connection, IReadOnlyList<TopicPartitionOffset> starts, CancellationToken cancellationToken)
    {
        if (starts.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<ActivityContext>>([]);
        }

        var (admin, error) = connection.ToAdminConfig();
        if (admin is null)
        {
            throw new InvalidOperationException(error);
        }

        var config = new ConsumerConfig(admin)
        {
            GroupId = KafkaDefaults.TraceLinkGroupId,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            EnablePartitionEof = true,
            AutoOffsetReset = AutoOffsetReset.Earliest,
        };
        return Task.Run<IReadOnlyList<ActivityContext>>(() => Read(config, starts, cancellationToken), cancellationToken);
    }

    private static List<ActivityContext> Read(ConsumerConfig config, IReadOnlyList<TopicPartitionOffset> starts, CancellationToken cancellationToken)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(config).SetLogHandler((_, _) => { }).SetErrorHandler((_, _) => { }).Build();
        consumer.Assign(starts);
        var pending = starts.Select(s => s.TopicPartition).ToHashSet();
        var contexts = new List<ActivityContext>();
        while (pending.Count > 0 && !cancellationToken.IsCancellationRequested)
        {
            var result = consumer.Consume(ConsumeStep);
            if (result is null || !pending.Remove(result.TopicPartition) || result.IsPartitionEOF)
            {
                continue;
            }

            consumer.Pause([result.TopicPartition]);
            if (MessageTraceContext.Extract(result.Message.Headers) is var context && context != default)
            {
                contexts.Add(context);
            }
        }

        return contexts;
    }
}
