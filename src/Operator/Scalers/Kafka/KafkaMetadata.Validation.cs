namespace Operator.Scalers.Kafka;

/// <summary>KEDA's <c>kafkaMetadata.Validate</c> and its TLS/SASL/OAuth/GSSAPI rules.</summary>
public sealed partial class KafkaMetadata
{
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
