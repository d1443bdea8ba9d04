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

    /// <summary>Sarama's default protocol version used by KEDA (<c>sarama.V1_0_0_0</c>).</summary>
    public static readonly KafkaVersion Version = new(1, 0, 0, 0);
}
