using System.Security.Cryptography;
using System.Text;
using Confluent.Kafka;

namespace Operator.Scalers.Kafka;

/// <summary>
/// Where and how to connect (bootstrap servers, SASL, TLS), mapped to librdkafka settings. Two scalers with the
/// same connection share one admin client (<see cref="KafkaAdminPool"/>). Holds secrets: never log or print it.
/// </summary>
internal sealed record KafkaConnection
{
    public required string BootstrapServers { get; init; }

    /// <summary>KEDA's <c>sasl</c>: none, plaintext, scram_sha256, scram_sha512, oauthbearer, gssapi, aws_msk_iam.</summary>
    public string Sasl { get; init; } = KafkaDefaults.SaslNone;

    public string TokenProvider { get; init; } = "";

    public string Username { get; init; } = "";

    public string Password { get; init; } = "";

    public string OAuthTokenEndpointUri { get; init; } = "";

    public IReadOnlyList<string> Scopes { get; init; } = [];

    public IReadOnlyDictionary<string, string> OAuthExtensions { get; init; } = new Dictionary<string, string>();

    public bool Tls { get; init; }

    public bool UnsafeSsl { get; init; }

    public string CA { get; init; } = "";

    public string Cert { get; init; } = "";

    public string Key { get; init; } = "";

    public string KeyPassword { get; init; } = "";

    public static KafkaConnection From(KafkaMetadata m) => new()
    {
        BootstrapServers = string.Join(',', m.BootstrapServers),
        Sasl = m.SaslType,
        TokenProvider = m.TokenProvider,
        Username = m.Username,
        Password = m.Password,
        OAuthTokenEndpointUri = m.OAuthTokenEndpointUri,
        Scopes = m.Scopes,
        OAuthExtensions = m.OAuthExtensions,
        Tls = m.EnableTls,
        UnsafeSsl = m.UnsafeSsl,
        CA = m.CA,
        Cert = m.Cert,
        Key = m.Key,
        KeyPassword = m.KeyPassword,
    };

    public static KafkaConnection From(ApacheKafkaMetadata m) => new()
    {
        BootstrapServers = string.Join(',', m.BootstrapServers),
        Sasl = m.Sasl,
        Username = m.Username,
        Password = m.Password,
        Tls = m.EnableTls,
        CA = m.CA,
        Cert = m.Cert,
        Key = m.Key,
        KeyPassword = m.KeyPassword,
    };

    /// <summary>A digest of every setting, secrets included, so equal connections share a client without keeping the text.</summary>
    public string PoolKey
    {
        get
        {
            var text = string.Join('\n', BootstrapServers, Sasl, TokenProvider, Username, Password, OAuthTokenEndpointUri,
                string.Join(' ', Scopes), string.Join(',', OAuthExtensions.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}")),
                Tls, UnsafeSsl, CA, Cert, Key, KeyPassword);
            return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        }
    }

    /// <summary>librdkafka settings for this connection, or why this build cannot connect that way.</summary>
    public (AdminClientConfig? Config, string? Error) ToAdminConfig()
    {
        var config = new AdminClientConfig
        {
            BootstrapServers = BootstrapServers,
            ClientId = KafkaDefaults.ClientId,
            SecurityProtocol = (Sasl is KafkaDefaults.SaslNone or "", Tls) switch
            {
                (true, false) => SecurityProtocol.Plaintext,
                (true, true) => SecurityProtocol.Ssl,
                (false, false) => SecurityProtocol.SaslPlaintext,
                (false, true) => SecurityProtocol.SaslSsl,
            },
        };
        if (Tls)
        {
            ApplyTls(config);
        }

        switch (Sasl)
        {
            case "" or KafkaDefaults.SaslNone:
                break;
            case "plaintext":
                (config.SaslMechanism, config.SaslUsername, config.SaslPassword) = (SaslMechanism.Plain, Username, Password);
                break;
            case "scram_sha256":
                (config.SaslMechanism, config.SaslUsername, config.SaslPassword) = (SaslMechanism.ScramSha256, Username, Password);
                break;
            case "scram_sha512":
                (config.SaslMechanism, config.SaslUsername, config.SaslPassword) = (SaslMechanism.ScramSha512, Username, Password);
                break;
            case KafkaDefaults.SaslOAuthBearer when TokenProvider is KafkaDefaults.TokenProviderBearer or "":
                // KEDA's bearer provider is OAuth client credentials: librdkafka's built-in OIDC method does the same.
                config.SaslMechanism = SaslMechanism.OAuthBearer;
                config.SaslOauthbearerMethod = SaslOauthbearerMethod.Oidc;
                config.SaslOauthbearerClientId = Username;
                config.SaslOauthbearerClientSecret = Password;
                config.SaslOauthbearerTokenEndpointUrl = OAuthTokenEndpointUri;
                if (Scopes.Any(s => s.Length > 0))
                {
                    config.SaslOauthbearerScope = string.Join(' ', Scopes.Where(s => s.Length > 0));
                }

                if (OAuthExtensions.Count > 0)
                {
                    config.SaslOauthbearerExtensions = string.Join(',', OAuthExtensions.Select(e => $"{e.Key}={e.Value}"));
                }

                break;
            default:
                return (null, $"sasl '{Sasl}'{(TokenProvider.Length > 0 ? $" with token provider '{TokenProvider}'" : "")} " +
                    "is not supported by this build's Kafka client (supported: none, plaintext, scram_sha256, scram_sha512, oauthbearer with bearer)");
        }

        return (config, null);
    }

    private void ApplyTls(AdminClientConfig config)
    {
        if (CA.Length > 0)
        {
            config.SslCaPem = CA;
        }

        if (Cert.Length > 0)
        {
            config.SslCertificatePem = Cert;
            config.SslKeyPem = Key;
            if (KeyPassword.Length > 0)
            {
                config.SslKeyPassword = KeyPassword;
            }
        }

        if (UnsafeSsl)
        {
            config.EnableSslCertificateVerification = false;
            config.SslEndpointIdentificationAlgorithm = SslEndpointIdentificationAlgorithm.None;
        }
    }

    /// <summary>Never print the secrets a record's generated ToString would show.</summary>
    public override string ToString() => $"kafka connection to {BootstrapServers}";
}
