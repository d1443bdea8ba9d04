using Operator.Scalers.Config;

namespace Operator.Scalers.Kafka;

/// <summary>Metadata of the <c>kafka</c> trigger (KEDA's <c>kafkaMetadata</c>, Sarama-based scaler).</summary>
public sealed partial class KafkaMetadata : ITypedConfigValidator
{
    [Keda("name=bootstrapServers,order=triggerMetadata;resolvedEnv")]
    public List<string> BootstrapServers { get; set; } = [];

    [Keda("name=consumerGroup,order=triggerMetadata;resolvedEnv")]
    public string Group { get; set; } = "";

    [Keda("name=topic,order=triggerMetadata;resolvedEnv,optional")]
    public string Topic { get; set; } = "";

    [Keda("name=partitionLimitation,order=triggerMetadata,optional")]
    public string PartitionLimitationText { get; set; } = "";

    /// <summary>Partitions to consider; null = all (also null when no topic is set).</summary>
    public IReadOnlyList<int>? PartitionLimitation { get; private set; }

    [Keda("name=lagThreshold,order=triggerMetadata,default=10")]
    public long LagThreshold { get; set; }

    [Keda("name=activationLagThreshold,order=triggerMetadata,default=0")]
    public long ActivationLagThreshold { get; set; }

    [Keda("name=offsetResetPolicy,order=triggerMetadata,default=latest,enum=latest;earliest")]
    public string OffsetResetPolicy { get; set; } = "";

    [Keda("name=allowIdleConsumers,order=triggerMetadata,default=false")]
    public bool AllowIdleConsumers { get; set; }

    [Keda("name=excludePersistentLag,order=triggerMetadata,default=false")]
    public bool ExcludePersistentLag { get; set; }

    [Keda("name=scaleToZeroOnInvalidOffset,order=triggerMetadata,default=false")]
    public bool ScaleToZeroOnInvalidOffset { get; set; }

    [Keda("name=limitToPartitionsWithLag,order=triggerMetadata,default=false")]
    public bool LimitToPartitionsWithLag { get; set; }

    [Keda("name=ensureEvenDistributionOfPartitions,order=triggerMetadata,default=false")]
    public bool EnsureEvenDistributionOfPartitions { get; set; }

    [Keda("name=fullMetadata,order=triggerMetadata,default=true")]
    public bool FullMetadata { get; set; }

    [Keda("name=version,order=triggerMetadata,optional")]
    public string VersionText { get; set; } = "";

    [Keda("name=tls,order=triggerMetadata;authParams,default=disable,enum=enable;disable")]
    public string Tls { get; set; } = "";

    [Keda("name=unsafeSsl,order=triggerMetadata,default=false")]
    public bool UnsafeSsl { get; set; }

    [Keda("name=ca,order=authParams,optional")]
    public string CA { get; set; } = "";

    [Keda("name=cert,order=authParams,optional")]
    public string Cert { get; set; } = "";

    [Keda("name=key,order=authParams,optional")]
    public string Key { get; set; } = "";

    [Keda("name=keyPassword,order=authParams,optional")]
    public string KeyPassword { get; set; } = "";

    [Keda("name=sasl,order=triggerMetadata;authParams,optional,enum=none;plaintext;scram_sha256;scram_sha512;oauthbearer;gssapi")]
    public string Sasl { get; set; } = "";

    [Keda("name=username,order=authParams,optional")]
    public string Username { get; set; } = "";

    [Keda("name=password,order=authParams,optional")]
    public string Password { get; set; } = "";

    [Keda("name=saslTokenProvider,order=triggerMetadata;authParams,optional,enum=bearer;aws_msk_iam")]
    public string SaslTokenProvider { get; set; } = "";

    [Keda("name=scopes,order=authParams,optional")]
    public string ScopesText { get; set; } = "";

    [Keda("name=oauthTokenEndpointUri,order=authParams,optional")]
    public string OAuthTokenEndpointUri { get; set; } = "";

    [Keda("name=oauthExtensions,order=authParams,optional")]
    public string OAuthExtensionsText { get; set; } = "";

    [Keda("name=keytab,order=authParams,optional")]
    public string Keytab { get; set; } = "";

    [Keda("name=realm,order=authParams,optional")]
    public string Realm { get; set; } = "";

    [Keda("name=kerberosConfig,order=authParams,optional")]
    public string KerberosConfig { get; set; } = "";

    [Keda("name=kerberosServiceName,order=authParams,optional")]
    public string KerberosServiceName { get; set; } = "";

    [Keda("name=kerberosDisableFAST,order=authParams,default=false")]
    public bool KerberosDisableFast { get; set; }

    [Keda("name=awsRegion,order=triggerMetadata,optional")]
    public string AwsRegion { get; set; } = "";

    /// <summary>Effective SASL mechanism (<c>none</c> when unset).</summary>
    public string SaslType { get; private set; } = KafkaDefaults.SaslNone;

    /// <summary>OAuth token provider when <see cref="SaslType"/> is <c>oauthbearer</c>.</summary>
    public string TokenProvider { get; private set; } = "";

    public bool EnableTls { get; private set; }

    public IReadOnlyList<string> Scopes { get; private set; } = [];

    public IReadOnlyDictionary<string, string> OAuthExtensions { get; private set; } = new Dictionary<string, string>();
}
