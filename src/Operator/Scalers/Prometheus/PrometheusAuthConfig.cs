using Operator.Scalers.Config;

namespace Operator.Scalers.Prometheus;

/// <summary>
/// KEDA's <c>authentication.Config</c> as the Prometheus scaler parses it: <c>authModes</c> (alias <c>authMode</c>)
/// plus the parameters of each mode, validated like KEDA's <c>Config.Validate</c>. Holds secrets: never log it.
/// </summary>
internal sealed class PrometheusAuthConfig : ITypedConfigValidator
{
    public const string Bearer = "bearer";
    public const string Basic = "basic";
    public const string Tls = "tls";
    public const string Custom = "custom";
    public const string OAuth = "oauth";
    public const string ApiKey = "apiKey";

    [Keda("name=authModes;authMode, order=triggerMetadata;authParams, enum=apiKey;basic;tls;bearer;custom;oauth, exclusiveSet=bearer;basic;oauth, optional")]
    public List<string>? Modes { get; set; }

    [Keda("name=bearerToken;token, order=authParams, optional")]
    public string BearerToken { get; set; } = "";

    [Keda("optional")]
    public BasicAuthParams? BasicAuth { get; set; }

    [Keda("optional")]
    public CertAuthParams? CertAuth { get; set; }

    [Keda("optional")]
    public OAuthParams? OAuth2 { get; set; }

    [Keda("optional")]
    public CustomAuthParams? CustomAuth { get; set; }

    [Keda("optional")]
    public ApiKeyAuthParams? ApiKeyAuth { get; set; }

    public bool Disabled => Modes is not { Count: > 0 };

    public string Username => BasicAuth?.Username ?? "";

    public string Password => BasicAuth?.Password ?? "";

    public string Cert => CertAuth?.Cert ?? "";

    public string Key => CertAuth?.Key ?? "";

    public string Ca => CertAuth?.Ca ?? "";

    public string CustomAuthHeader => CustomAuth?.CustomAuthHeader ?? "";

    public string CustomAuthValue => CustomAuth?.CustomAuthValue ?? "";

    public bool Enabled(string mode) => Modes?.Contains(mode, StringComparer.Ordinal) == true;

    /// <summary>KEDA's <c>Config.Validate</c>, first failing rule wins.</summary>
    public string? Validate()
    {
        if (Disabled)
        {
            return null;
        }

        if (Enabled(Bearer) && BearerToken.Length == 0)
        {
            return "bearer token is required when bearer auth is enabled";
        }

        if (Enabled(Basic) && Username.Length == 0)
        {
            return "username is required when basic auth is enabled";
        }

        if (Enabled(Tls) && (Cert.Length == 0 || Key.Length == 0))
        {
            return "cert and key are required when tls auth is enabled";
        }

        if (Enabled(OAuth) && (OAuth2?.OauthTokenUri is not { Length: > 0 } || OAuth2.ClientId.Length == 0 || OAuth2.ClientSecret.Length == 0))
        {
            return "oauthTokenURI, clientID and clientSecret are required when oauth is enabled";
        }

        if (Enabled(Custom) && (CustomAuthHeader.Length == 0 || CustomAuthValue.Length == 0))
        {
            return "customAuthHeader and customAuthValue are required when custom auth is enabled";
        }

        if (Enabled(ApiKey) && ApiKeyAuth?.ApiKey is not { Length: > 0 })
        {
            return "apiKey is required when apiKey auth is enabled";
        }

        return null;
    }

    /// <summary>Modes summary without secrets.</summary>
    public override string ToString() => $"PrometheusAuthConfig {{ Modes = [{string.Join(',', Modes ?? [])}] }}";
}

/// <summary>KEDA's <c>BasicAuth</c>.</summary>
internal sealed class BasicAuthParams
{
    [Keda("name=username, order=authParams")]
    public string Username { get; set; } = "";

    [Keda("name=password, order=authParams")]
    public string Password { get; set; } = "";
}

/// <summary>KEDA's <c>CertAuth</c>.</summary>
internal sealed class CertAuthParams
{
    [Keda("name=cert, order=authParams")]
    public string Cert { get; set; } = "";

    [Keda("name=key, order=authParams")]
    public string Key { get; set; } = "";

    [Keda("name=ca, order=authParams")]
    public string Ca { get; set; } = "";
}

/// <summary>KEDA's <c>OAuth</c> (validated; the Prometheus scaler does not apply it to requests).</summary>
internal sealed class OAuthParams
{
    [Keda("name=oauthTokenURI, order=authParams")]
    public string OauthTokenUri { get; set; } = "";

    [Keda("name=scopes, order=authParams")]
    public List<string>? Scopes { get; set; }

    [Keda("name=clientID, order=authParams")]
    public string ClientId { get; set; } = "";

    [Keda("name=clientSecret, order=authParams")]
    public string ClientSecret { get; set; } = "";

    [Keda("name=endpointParams, order=authParams")]
    public UrlValues? EndpointParams { get; set; }
}

/// <summary>KEDA's <c>CustomAuth</c>.</summary>
internal sealed class CustomAuthParams
{
    [Keda("name=customAuthHeader, order=authParams")]
    public string CustomAuthHeader { get; set; } = "";

    [Keda("name=customAuthValue, order=authParams")]
    public string CustomAuthValue { get; set; } = "";
}

/// <summary>KEDA's <c>APIKeyAuth</c> (validated; the Prometheus scaler does not apply it to requests).</summary>
internal sealed class ApiKeyAuthParams
{
    [Keda("name=apiKey, order=triggerMetadata;authParams")]
    public string ApiKey { get; set; } = "";

    [Keda("name=method, order=triggerMetadata;authParams, default=header, enum=header;query")]
    public string Method { get; set; } = "";

    [Keda("name=keyParamName, order=triggerMetadata;authParams, optional")]
    public string KeyParamName { get; set; } = "";
}
