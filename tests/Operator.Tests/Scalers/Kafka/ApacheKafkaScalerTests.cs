using Operator.Scalers.Kafka;

namespace Operator.Tests.Scalers.Kafka;

public sealed class ApacheKafkaScalerTests
{
    private const string Valid = "bootstrapServers=b:9092|consumerGroup=my-group";

    [Theory]
    [InlineData(Valid + "|topic=a,b", "s0-kafka-a,b")]
    [InlineData(Valid, "s0-kafka-my-group-topics")]
    public void GetMetricSpecs_JoinsTopics(string metadata, string expected)
    {
        Assert.Equal(expected, KafkaTestConfigs.Build(metadata, "", type: "apache-kafka").Scaler!.GetMetricSpecs()[0].External.Metric.Name);
    }

    [Fact]
    public void Build_PartitionLimitation_UsesGenericRanges()
    {
        var meta = ((ApacheKafkaScaler)KafkaTestConfigs.Build(Valid + "|topic=t|partitionLimitation=1,3-5", "", type: "apache-kafka").Scaler!).Metadata;

        Assert.Equal([1, 3, 4, 5], meta.PartitionLimitation!);
    }

    [Theory]
    [InlineData("sasl=plaintext", "sasl=plaintext|username=a|password=b", "unable to set `sasl` in both ScaledObject and TriggerAuthentication together")]
    [InlineData("tls=enable", "tls=enable", "unable to set `tls` in both ScaledObject and TriggerAuthentication together")]
    [InlineData("sasl=plaintext", "username=a", "username and password must be set when using SASL/PLAINTEXT")]
    [InlineData("sasl=aws_msk_iam|tls=enable", "", "awsRegion must be set when using AWS MSK IAM")]
    [InlineData("sasl=aws_msk_iam|awsRegion=eu-west-1", "", "TLS must be enabled when using AWS MSK IAM")]
    [InlineData("sasl=oauthbearer", "", "parameter \"sasl\" value \"oauthbearer\" must be one of [none plaintext scram_sha256 scram_sha512 gssapi aws_msk_iam]")]
    [InlineData("lagThreshold=0", "", "lagThreshold must be a positive number")]
    [InlineData("tls=enable", "cert=c", "can't set only one of cert or key when using TLS")]
    public void Build_ReportsKedaErrors(string extra, string auth, string expected)
    {
        var result = KafkaTestConfigs.Build(Valid + "|" + extra, auth, type: "apache-kafka");

        BuildAssert.HasError(result, expected);
    }
}
