using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace Operator.Scalers.Kafka;

/// <summary>
/// Reads what KEDA's kafka scaler reads, through the admin API only (no polling consumer): the partitions
/// (<c>DescribeTopics</c>, or the group's committed topics), the group's committed offsets
/// (<c>ListConsumerGroupOffsets</c>) and the end offsets (<c>ListOffsets</c> latest), the last two concurrently.
/// </summary>
internal static class KafkaOffsetReader
{
    public static async Task<(KafkaOffsets? Offsets, string? Error)> ReadAsync(
        IAdminClient admin, KafkaLagRules rules, KafkaConnection connection, CancellationToken cancellationToken)
    {
        IReadOnlyList<TopicPartition> partitions;
        try
        {
            var (found, error) = await PartitionsAsync(admin, rules, cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                return (null, error);
            }

            partitions = found!;
        }
        catch (DescribeTopicsException e)
        {
            var failed = e.Results.TopicDescriptions.FirstOrDefault(t => t.Error.IsError);
            return (null, $"error describing topics: {(failed is null ? KafkaErrors.Describe(e, connection) : $"{failed.Name}: {failed.Error.Reason}")}");
        }
        catch (KafkaException e)
        {
            return (null, $"error describing topics of group {rules.Group}: {KafkaErrors.Describe(e, connection)}");
        }

        var committed = CommittedAsync(admin, rules.Group, partitions);
        var latest = LatestAsync(admin, partitions);
        try
        {
            await Task.WhenAll(committed, latest).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (KafkaException)
        {
            // Reported below, consumer offsets first as in KEDA.
        }

        if (committed.Exception?.InnerException is KafkaException committedError)
        {
            return (null, $"error listing consumer group offsets of group {rules.Group}: {KafkaErrors.Describe(committedError, connection)}");
        }

        if (latest.Exception?.InnerException is KafkaException latestError)
        {
            var failed = (latestError as ListOffsetsException)?.Result.ResultInfos.Select(r => r.TopicPartitionOffsetError).FirstOrDefault(r => r.Error.IsError);
            return (null, $"error listing latest offsets: {(failed is null ? KafkaErrors.Describe(latestError, connection) : $"{failed.TopicPartition}: {failed.Error.Reason}")}");
        }

        return (new KafkaOffsets(await latest.ConfigureAwait(false), await committed.ConfigureAwait(false)), null);
    }

    /// <summary>KEDA's <c>getTopicPartitions</c>: the partitions to read, after <c>partitionLimitation</c>.</summary>
    public static async Task<(IReadOnlyList<TopicPartition>? Partitions, string? Error)> PartitionsAsync(
        IAdminClient admin, KafkaLagRules rules, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> topics = rules.Topics;
        if (topics.Count == 0 && rules.ApacheKafkaQuirks)
        {
            var (clusterTopics, membersError) = await EveryTopicWhileGroupHasMembersAsync(admin, rules.Group, cancellationToken).ConfigureAwait(false);
            if (membersError is not null)
            {
                return (null, membersError);
            }

            topics = clusterTopics!;
        }
        else if (topics.Count == 0)
        {
            var groupOffsets = await admin.ListConsumerGroupOffsetsAsync(
                [new ConsumerGroupTopicPartitions(rules.Group, null)],
                new ListConsumerGroupOffsetsOptions { RequestTimeout = KafkaDefaults.RequestTimeout }).WaitAsync(cancellationToken).ConfigureAwait(false);
            topics = [.. groupOffsets.SelectMany(g => g.Partitions).Select(p => p.Topic).Distinct(StringComparer.Ordinal)];
            if (topics.Count == 0)
            {
                return ([], null);
            }
        }

        var described = await admin.DescribeTopicsAsync(
            TopicCollection.OfTopicNames(topics),
            new DescribeTopicsOptions { RequestTimeout = KafkaDefaults.RequestTimeout }).WaitAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<TopicPartition>();
        foreach (var topic in described.TopicDescriptions)
        {
            if (topic.Error.IsError)
            {
                return (null, $"error describing topics: {topic.Name}: {topic.Error.Reason}");
            }

            var active = topic.Partitions.Select(p => p.Partition).Where(p => rules.PartitionLimitation is null || rules.PartitionLimitation.Contains(p)).ToList();
            if (active.Count == 0)
            {
                return (null, $"expected at least one active partition within the topic '{topic.Name}'");
            }

            result.AddRange(active.Select(p => new TopicPartition(topic.Name, p)));
        }

        return (result, null);
    }

    /// <summary>
    /// apache-kafka without <c>topic</c>, as KEDA's kafka-go scaler does it: the group must have active members
    /// (<c>DescribeGroups</c>), and then every topic in the cluster metadata counts, whether the group consumes it or
    /// not (a topic the group never committed to reads as an invalid offset: lag 1 per partition under
    /// <c>offsetResetPolicy: latest</c>). The kafka scaler reads the group's committed topics instead.
    /// </summary>
    private static async Task<(IReadOnlyList<string>? Topics, string? Error)> EveryTopicWhileGroupHasMembersAsync(
        IAdminClient admin, string group, CancellationToken cancellationToken)
    {
        ConsumerGroupDescription description;
        try
        {
            var described = await admin.DescribeConsumerGroupsAsync([group], new DescribeConsumerGroupsOptions { RequestTimeout = KafkaDefaults.RequestTimeout })
                .WaitAsync(cancellationToken).ConfigureAwait(false);
            description = described.ConsumerGroupDescriptions.Single();
        }
        catch (DescribeConsumerGroupsException e)
        {
            var failed = e.Results.ConsumerGroupDescriptions.FirstOrDefault(d => d.Error.IsError);
            return (null, $"error describing group: {group}: {(failed is null ? e.Error.Reason : failed.Error.Reason)}");
        }

        if (description.Members.Count == 0)
        {
            return (null, $"no active members in group {group}, group-state is {description.State}");
        }

        var metadata = await Task.Run(() => admin.GetMetadata(KafkaDefaults.RequestTimeout), cancellationToken).ConfigureAwait(false);
        return ([.. metadata.Topics.Where(t => !t.Error.IsError).Select(t => t.Topic)], null);
    }

    /// <summary>End offsets of <paramref name="partitions"/> (one <c>ListOffsets</c> request per leader).</summary>
    public static async Task<IReadOnlyDictionary<TopicPartition, long>> LatestAsync(IAdminClient admin, IReadOnlyList<TopicPartition> partitions)
    {
        if (partitions.Count == 0)
        {
            return new Dictionary<TopicPartition, long>();
        }

        var result = await admin.ListOffsetsAsync(
            partitions.Select(p => new TopicPartitionOffsetSpec { TopicPartition = p, OffsetSpec = OffsetSpec.Latest() }),
            new ListOffsetsOptions { RequestTimeout = KafkaDefaults.RequestTimeout }).ConfigureAwait(false);
        return result.ResultInfos.ToDictionary(r => r.TopicPartitionOffsetError.TopicPartition, r => r.TopicPartitionOffsetError.Offset.Value);
    }

    private static async Task<IReadOnlyDictionary<TopicPartition, long>> CommittedAsync(IAdminClient admin, string group, IReadOnlyList<TopicPartition> partitions)
    {
        if (partitions.Count == 0)
        {
            return new Dictionary<TopicPartition, long>();
        }

        var result = await admin.ListConsumerGroupOffsetsAsync(
            [new ConsumerGroupTopicPartitions(group, [.. partitions])],
            new ListConsumerGroupOffsetsOptions { RequestTimeout = KafkaDefaults.RequestTimeout }).ConfigureAwait(false);
        var committed = new Dictionary<TopicPartition, long>();
        foreach (var p in result.SelectMany(g => g.Partitions))
        {
            if (p.Error.IsError)
            {
                throw new KafkaException(p.Error);
            }

            // librdkafka reports "nothing committed" as -1001; KEDA (Sarama) as -1.
            committed[p.TopicPartition] = p.Offset.Value < 0 ? KafkaDefaults.InvalidOffset : p.Offset.Value;
        }

        return committed;
    }
}
