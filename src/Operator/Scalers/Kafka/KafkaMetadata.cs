using Operator.Scalers.Config;

namespace Operator.Scalers.Kafka;

/// <summary>Metadata of the <c>kafka</c> trigger (KEDA's <c>kafkaMetadata</c>, Sarama-based scaler).</summary>
public sealed class KafkaMetadata : ITypedConfigValidator
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

    /// <summary>KEDA's <c>kafkaMetadata.Validate</c>, in KEDA's order (first failure wins).</summary>
    public string? Validate()
    {
        if (LagThreshold <= 0)
        {
            return "\"lagThreshold\" must be positive number";
        }

        if (ActivationLagThreshold < 0)
        {
            return "\"activationLagThreshold\" must be a non-negative number";
        }

        if (PartitionLimitationText.Trim().Length > 0)
        {
            var (partitions, error) = KafkaPartitions.Parse(PartitionLimitationText);
            if (error is not null)
            {
                return error;
            }

            PartitionLimitation = partitions;
        }

        if (Topic.Length == 0)
        {
            PartitionLimitation = null;
        }

        return ValidateModes() ?? ParseTls() ?? ParseSasl();
    }

    private string? ValidateModes()
    {
        if (AllowIdleConsumers && LimitToPartitionsWithLag)
        {
            return "allowIdleConsumers and limitToPartitionsWithLag cannot be set simultaneously";
        }

        if (Topic.Length == 0 && LimitToPartitionsWithLag)
        {
            return "topic must be specified when using limitToPartitionsWithLag";
        }

        if (LimitToPartitionsWithLag && EnsureEvenDistributionOfPartitions)
        {
            return "limitToPartitionsWithLag and ensureEvenDistributionOfPartitions cannot be set simultaneously";
        }

        if (Topic.Length == 0 && EnsureEvenDistributionOfPartitions)
        {
            return "topic must be specified when using ensureEvenDistributionOfPartitions";
        }

        return Topic.Length == 0 && !FullMetadata ? "topic must be specified when using fullMetadata=false" : null;
    }

    private string? ParseTls()
    {
        EnableTls = Tls == KafkaDefaults.TlsEnable;
        if (!EnableTls)
        {
            return null;
        }

        if (Cert.Length > 0 && Key.Length == 0)
        {
            return "key must be provided with cert";
        }

        return Key.Length > 0 && Cert.Length == 0 ? "cert must be provided with key" : null;
    }

    private string? ParseSasl()
    {
        SaslType = KafkaDefaults.SaslNone;
        switch (Sasl)
        {
            case "" or KafkaDefaults.SaslNone:
                return null;
            case "plaintext" or "scram_sha256" or "scram_sha512":
                if (Username.Length == 0)
                {
                    return "no username given";
                }

                if (Password.Length == 0)
                {
                    return "no password given";
                }

                break;
            case KafkaDefaults.SaslOAuthBearer:
                if (ParseOAuth() is { } oauthError)
                {
                    return $"error parsing OAuth token provider configuration: {oauthError}";
                }

                break;
            case KafkaDefaults.SaslGssapi:
                if (ParseGssapi() is { } gssapiError)
                {
                    return gssapiError;
                }

                break;
            default:
                break;
        }

        SaslType = Sasl;
        return null;
    }

    private string? ParseOAuth()
    {
        var provider = SaslTokenProvider.Length > 0 ? SaslTokenProvider : KafkaDefaults.TokenProviderBearer;
        if (provider == KafkaDefaults.TokenProviderBearer)
        {
            if (Username.Length == 0)
            {
                return "no username given";
            }

            if (Password.Length == 0)
            {
                return "no password given";
            }

            if (OAuthTokenEndpointUri.Length == 0)
            {
                return "no oauth token endpoint uri given";
            }

            Scopes = ScopesText.Split(',');
            var extensions = new Dictionary<string, string>(StringComparer.Ordinal);
            if (OAuthExtensionsText.Length > 0)
            {
                foreach (var extension in OAuthExtensionsText.Split(','))
                {
                    var kv = extension.Split('=');
                    if (kv.Length != 2)
                    {
                        return "invalid OAuthBearer extension, must be of format key=value";
                    }

                    extensions[kv[0]] = kv[1];
                }
            }

            OAuthExtensions = extensions;
        }
        else if (provider == KafkaDefaults.TokenProviderAwsMskIam)
        {
            if (!EnableTls)
            {
                return "TLS is required for AWS MSK authentication";
            }

            if (AwsRegion.Length == 0)
            {
                return "no awsRegion given";
            }
        }

        TokenProvider = provider;
        return null;
    }

    private string? ParseGssapi()
    {
        if (Username.Length == 0)
        {
            return "no username given";
        }

        if ((Password.Length == 0) == (Keytab.Length == 0))
        {
            return "exactly one of 'password' or 'keytab' must be provided for GSSAPI authentication";
        }

        if (Realm.Length == 0)
        {
            return "no realm given";
        }

        return KerberosConfig.Length == 0 ? "no Kerberos configuration file (kerberosConfig) given" : null;
    }
}
