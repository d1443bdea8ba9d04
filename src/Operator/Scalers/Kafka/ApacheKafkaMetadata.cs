using Operator.Scalers.Config;

namespace Operator.Scalers.Kafka;

/// <summary>Metadata of the experimental <c>apache-kafka</c> trigger (KEDA's <c>apacheKafkaMetadata</c>).</summary>
public sealed class ApacheKafkaMetadata : ITypedConfigValidator
{
    [Keda("name=bootstrapServers,       order=triggerMetadata;resolvedEnv")]
    public List<string> BootstrapServers { get; set; } = [];

    [Keda("name=consumerGroup,          order=triggerMetadata;resolvedEnv")]
    public string Group { get; set; } = "";

    [Keda("name=topic,                  order=triggerMetadata;resolvedEnv, optional")]
    public List<string> Topic { get; set; } = [];

    [Keda("name=partitionLimitation,    order=triggerMetadata, optional, range")]
    public List<int>? PartitionLimitation { get; set; }

    [Keda("name=lagThreshold,           order=triggerMetadata, default=10")]
    public long LagThreshold { get; set; }

    [Keda("name=activationLagThreshold, order=triggerMetadata, default=0")]
    public long ActivationLagThreshold { get; set; }

    [Keda("name=offsetResetPolicy,      order=triggerMetadata, enum=earliest;latest, default=latest")]
    public string OffsetResetPolicy { get; set; } = "";

    [Keda("name=allowIdleConsumers,     order=triggerMetadata, optional")]
    public bool AllowIdleConsumers { get; set; }

    [Keda("name=excludePersistentLag,   order=triggerMetadata, optional")]
    public bool ExcludePersistentLag { get; set; }

    [Keda("name=scaleToZeroOnInvalidOffset, order=triggerMetadata, optional")]
    public bool ScaleToZeroOnInvalidOffset { get; set; }

    [Keda("name=limitToPartitionsWithLag,   order=triggerMetadata, optional")]
    public bool LimitToPartitionsWithLag { get; set; }

    [Keda("name=ensureEvenDistributionOfPartitions, order=triggerMetadata, optional")]
    public bool EnsureEvenDistributionOfPartitions { get; set; }

    [Keda("name=sasl,     order=triggerMetadata;authParams, enum=none;plaintext;scram_sha256;scram_sha512;gssapi;aws_msk_iam, default=none")]
    public string Sasl { get; set; } = "";

    [Keda("name=username, order=authParams,                 optional")]
    public string Username { get; set; } = "";

    [Keda("name=password, order=authParams,                 optional")]
    public string Password { get; set; } = "";

    [Keda("name=awsRegion,     order=triggerMetadata, optional")]
    public string AwsRegion { get; set; } = "";

    [Keda("name=tls,         order=triggerMetadata;authParams, enum=enable;disable, default=disable")]
    public string Tls { get; set; } = "";

    [Keda("name=cert,        order=authParams,                 optional")]
    public string Cert { get; set; } = "";

    [Keda("name=key,         order=authParams,                 optional")]
    public string Key { get; set; } = "";

    [Keda("name=keyPassword, order=authParams,                 optional")]
    public string KeyPassword { get; set; } = "";

    [Keda("name=ca,          order=authParams,                 optional")]
    public string CA { get; set; } = "";

    public bool EnableTls => Tls == KafkaDefaults.TlsEnable;

    public string? Validate()
    {
        if (LagThreshold <= 0)
        {
            return "lagThreshold must be a positive number";
        }

        if (ActivationLagThreshold < 0)
        {
            return "activationLagThreshold must be a positive number";
        }

        if (AllowIdleConsumers && LimitToPartitionsWithLag)
        {
            return "allowIdleConsumers and limitToPartitionsWithLag cannot be set simultaneously";
        }

        if (Topic.Count == 0 && LimitToPartitionsWithLag)
        {
            return "topic must be specified when using limitToPartitionsWithLag";
        }

        if (Topic.Count == 0 && PartitionLimitation is { Count: > 0 })
        {
            PartitionLimitation = null;
        }

        if (EnableTls && (Cert.Length == 0) != (Key.Length == 0))
        {
            return "can't set only one of cert or key when using TLS";
        }

        return Sasl switch
        {
            "plaintext" when Username.Length == 0 || Password.Length == 0 =>
                "username and password must be set when using SASL/PLAINTEXT",
            KafkaDefaults.SaslAwsMskIam when AwsRegion.Length == 0 => "awsRegion must be set when using AWS MSK IAM",
            KafkaDefaults.SaslAwsMskIam when !EnableTls => "TLS must be enabled when using AWS MSK IAM",
            _ => null,
        };
    }
}
