using Operator.Scalers;
using Operator.Scalers.Kafka;

namespace Operator.Tests.Scalers.Kafka;

// KEDA pkg/scalers/kafka_scaler_test.go parseKafkaMetadataTestDataset, run with and without SASL auth params.
public sealed class KafkaMetadataTableTests
{
    private const string Valid = "bootstrapServers=foobar:9092|consumerGroup=my-group|topic=my-topic";

    [Theory]
    [InlineData("", true, "", "", "", null, "latest", false, false, false)]
    [InlineData("bootstrapServers=foobar:9092", true, "", "", "", null, "latest", false, false, false)]
    [InlineData("bootstrapServers=foobar:9092|consumerGroup=my-group", false, "foobar:9092", "my-group", "", null, "latest", false, false, false)]
    [InlineData("bootstrapServers=foobar:9092|consumerGroup=my-group|partitionLimitation=1,2,3,4,5,6", false, "foobar:9092", "my-group", "", null, "latest", false, false, false)]
    [InlineData("bootstrapServers=foobar:9092|consumerGroup=my-group|partitionLimitation=           ", false, "foobar:9092", "my-group", "", null, "latest", false, false, false)]
    [InlineData("bootstrapServers=foobar:9092|consumerGroup=my-group|partitionLimitation=", false, "foobar:9092", "my-group", "", null, "latest", false, false, false)]
    [InlineData(Valid + "|version=1.2.3.4", true, "", "", "", null, "latest", false, false, false)]
    [InlineData(Valid + "|lagThreshold=-1", true, "", "", "", null, "latest", false, false, false)]
    [InlineData(Valid + "|lagThreshold=0", true, "", "", "", null, "latest", false, false, false)]
    [InlineData(Valid + "|lagThreshold=1000000|activationLagThreshold=0", false, "foobar:9092", "my-group", "my-topic", null, "latest", false, false, false)]
    [InlineData(Valid + "|lagThreshold=10|activationLagThreshold=AA", true, "", "", "", null, "latest", false, false, false)]
    [InlineData(Valid + "|lagThreshold=10|activationLagThreshold=0", false, "foobar:9092", "my-group", "my-topic", null, "latest", false, false, false)]
    [InlineData(Valid, false, "foobar:9092", "my-group", "my-topic", null, "latest", false, false, false)]
    [InlineData(Valid + "|partitionLimitation=1,2,3,4", false, "foobar:9092", "my-group", "my-topic", "1,2,3,4", "latest", false, false, false)]
    [InlineData(Valid + "|partitionLimitation=1-4", false, "foobar:9092", "my-group", "my-topic", "1,2,3,4", "latest", false, false, false)]
    [InlineData(Valid + "|partitionLimitation=1-4,8,10-12", false, "foobar:9092", "my-group", "my-topic", "1,2,3,4,8,10,11,12", "latest", false, false, false)]
    [InlineData(Valid + "|partitionLimitation=a,b,c,d", true, "", "", "", null, "latest", false, false, false)]
    [InlineData("bootstrapServers=foo:9092,bar:9092|consumerGroup=my-group|topic=my-topic", false, "foo:9092,bar:9092", "my-group", "my-topic", null, "latest", false, false, false)]
    [InlineData("bootstrapServers=foo:9092,bar:9092|consumerGroup=my-group|topic=my-topic|offsetResetPolicy=latest", false, "foo:9092,bar:9092", "my-group", "my-topic", null, "latest", false, false, false)]
    [InlineData("bootstrapServers=foo:9092,bar:9092|consumerGroup=my-group|topic=my-topic|offsetResetPolicy=foo", true, "", "", "", null, "", false, false, false)]
    [InlineData("bootstrapServers=foo:9092,bar:9092|consumerGroup=my-group|topic=my-topic|offsetResetPolicy=earliest", false, "foo:9092,bar:9092", "my-group", "my-topic", null, "earliest", false, false, false)]
    [InlineData(Valid + "|allowIdleConsumers=notvalid", true, "", "", "", null, "latest", false, false, false)]
    [InlineData(Valid + "|allowIdleConsumers=true", false, "foobar:9092", "my-group", "my-topic", null, "latest", true, false, false)]
    [InlineData(Valid + "|excludePersistentLag=notvalid", true, "", "", "", null, "latest", false, false, false)]
    [InlineData(Valid + "|excludePersistentLag=true", false, "foobar:9092", "my-group", "my-topic", null, "latest", false, true, false)]
    [InlineData(Valid + "|allowIdleConsumers=true|version=1.0.0", false, "foobar:9092", "my-group", "my-topic", null, "latest", true, false, false)]
    [InlineData(Valid + "|limitToPartitionsWithLag=true", false, "foobar:9092", "my-group", "my-topic", null, "latest", false, false, true)]
    [InlineData(Valid + "|limitToPartitionsWithLag=notvalid", true, "", "", "", null, "latest", false, false, false)]
    [InlineData(Valid + "|allowIdleConsumers=true|limitToPartitionsWithLag=true", true, "", "", "", null, "latest", true, false, true)]
    [InlineData(Valid + "|allowIdleConsumers=true|limitToPartitionsWithLag=false", false, "foobar:9092", "my-group", "my-topic", null, "latest", true, false, false)]
    [InlineData("bootstrapServers=foobar:9092|consumerGroup=my-group|limitToPartitionsWithLag=true", true, "", "", "", null, "latest", false, false, true)]
    public void Build_MatchesKedaParseTable(
        string metadata, bool isError, string brokers, string group, string topic, string? partitions,
        string policy, bool allowIdle, bool excludePersistentLag, bool limitToPartitionsWithLag)
    {
        foreach (var auth in new[] { "sasl=plaintext|username=admin|password=admin", "" })
        {
            var result = KafkaTestConfigs.Build(metadata, auth);

            Assert.Equal(isError, !result.IsSuccess);
            if (isError)
            {
                continue;
            }

            var meta = ((KafkaScaler)result.Scaler!).Metadata;
            Assert.Equal(brokers.Split(','), meta.BootstrapServers);
            Assert.Equal(group, meta.Group);
            Assert.Equal(topic, meta.Topic);
            Assert.Equal(partitions?.Split(',').Select(int.Parse), meta.PartitionLimitation);
            Assert.Equal(policy, meta.OffsetResetPolicy);
            Assert.Equal(allowIdle, meta.AllowIdleConsumers);
            Assert.Equal(excludePersistentLag, meta.ExcludePersistentLag);
            Assert.Equal(limitToPartitionsWithLag, meta.LimitToPartitionsWithLag);
        }
    }

    [Theory]
    [InlineData("", "missing required parameter \"bootstrapServers\" in [triggerMetadata resolvedEnv]")]
    [InlineData("|lagThreshold=0", "\"lagThreshold\" must be positive number")]
    [InlineData("|activationLagThreshold=-1", "\"activationLagThreshold\" must be a non-negative number")]
    [InlineData("|version=1.2.3.4", "error parsing kafka version: invalid version `1.2.3.4`")]
    [InlineData("|partitionLimitation=a,b", "invalid partition limitation: a")]
    [InlineData("|partitionLimitation=0-2000000000", "invalid partition limitation range: 0-2000000000 has more than 100000 partitions")]
    [InlineData("|offsetResetPolicy=foo", "parameter \"offsetResetPolicy\" value \"foo\" must be one of [latest earliest]")]
    [InlineData("|lagThreshold=10.5", "unable to set param \"lagThreshold\" value \"10.5\": unable to unmarshal to field type int64: json: cannot unmarshal number 10.5 into Go value of type int64")]
    public void Build_ReportsKedaMessages(string extra, string expected)
    {
        var metadata = extra.Length == 0 ? "consumerGroup=my-group" : Valid + extra;

        var result = KafkaTestConfigs.Build(metadata, "");

        BuildAssert.HasError(result, expected);
    }

    [Fact]
    public void Build_BootstrapServersFromEnv_AreSplitAndTrimmed()
    {
        var config = new ScalerConfig
        {
            TriggerType = "kafka",
            TriggerMetadata = TestMaps.Parse("bootstrapServersFromEnv=BROKERS|consumerGroup=g|topicFromEnv=TOPIC"),
            ResolvedEnv = TestMaps.Parse("BROKERS= a:9092 , b:9092|TOPIC=orders"),
        };

        var meta = ((KafkaScaler)ScalerRegistry.Build(config).Scaler!).Metadata;

        Assert.Equal(["a:9092", "b:9092"], meta.BootstrapServers);
        Assert.Equal("orders", meta.Topic);
    }

    [Fact]
    public void Build_FullMetadataFalse_NeedsTopic()
    {
        var result = KafkaTestConfigs.Build("bootstrapServers=b:9092|consumerGroup=g|fullMetadata=false", "");

        Assert.False(result.IsSuccess);
    }

    [Theory]
    [InlineData("2.8.0", "2.8.0")]
    [InlineData("0.10.2.1", "0.10.2.1")]
    public void Build_Version_ParsedLikeSarama(string text, string expected)
    {
        var scaler = (KafkaScaler)KafkaTestConfigs.Build(Valid + "|version=" + text, "").Scaler!;

        Assert.Equal(expected, scaler.Version.ToString());
    }

    [Fact]
    public void Build_Version_DefaultsToSaramaOneZero()
    {
        Assert.Equal("1.0.0", ((KafkaScaler)KafkaTestConfigs.Build(Valid, "").Scaler!).Version.ToString());
    }
}
