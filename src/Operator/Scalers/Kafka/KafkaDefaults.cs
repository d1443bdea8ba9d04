namespace Operator.Scalers.Kafka;

/// <summary>Constants of the kafka scalers (KEDA's values).</summary>
public static class KafkaDefaults
{
    public const long LagThreshold = 10;
    public const string TlsEnable = "enable";
    public const string SaslNone = "none";
    public const string SaslOAuthBearer = "oauthbearer";
    public const string SaslGssapi = "gssapi";
    public const string SaslAwsMskIam = "aws_msk_iam";
    public const string TokenProviderBearer = "bearer";
    public const string TokenProviderAwsMskIam = "aws_msk_iam";
    public const string KerberosServiceName = "kafka";

    /// <summary>KEDA/Sarama's "invalid offset": the group committed nothing for the partition.</summary>
    public const long InvalidOffset = -1;

    /// <summary><c>client.id</c> of the operator's admin clients.</summary>
    public const string ClientId = "keda-dotnet-operator";

    /// <summary>
    /// <c>group.id</c> of the consumer that reads waiting messages' trace context for decision links; it only assigns
    /// partitions, so this group never joins or commits and the scaled group is untouched.
    /// </summary>
    public const string TraceLinkGroupId = "keda-dotnet-operator-trace-links";

    /// <summary>Timeout of one admin request (describe, list offsets, list group offsets).</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How often a push watch reads its partitions' end offsets while the scale loop wants it.</summary>
    public static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>How often a push watch re-reads which partitions it watches (partitions can be added).</summary>
    public static readonly TimeSpan WatchPartitionRefresh = TimeSpan.FromSeconds(10);

    /// <summary>Sarama's default protocol version used by KEDA (<c>sarama.V1_0_0_0</c>).</summary>
    public static readonly KafkaVersion Version = new(1, 0, 0, 0);
}
