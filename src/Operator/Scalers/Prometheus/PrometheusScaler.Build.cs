using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Operator.Scalers.Aws;
using Operator.Scalers.Config;
using Operator.Scalers.Http;

namespace Operator.Scalers.Prometheus;

internal sealed partial class PrometheusScaler
{
    private const string ParseErrorPrefix = "error parsing prometheus metadata: ";

    /// <summary>
    /// KEDA's <c>NewPrometheusScaler</c>: parses and validates the trigger and prepares the HTTP client and
    /// credentials. Never touches the network; credentials (Azure tokens, AWS chains) are fetched on the first query.
    /// </summary>
    public static ScalerBuildResult Build(ScalerConfig config, ScalerServices services) =>
        Build(config, services?.TimeProvider, services?.LoggerFactory.CreateLogger(typeof(PrometheusScaler).FullName!), services?.Http);

    /// <summary><see cref="Build(ScalerConfig, ScalerServices)"/> with explicit dependencies (tests bring their own clients).</summary>
    internal static ScalerBuildResult Build(
        ScalerConfig config,
        TimeProvider? timeProvider = null,
        ILogger? logger = null,
        ScalerHttpClients? http = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var (metricType, metricTypeError) = MetricTargets.GetMetricTargetType(config);
        if (metricTypeError is not null)
        {
            return ScalerBuildResult.Failure("error getting scaler metric type: " + metricTypeError);
        }

        var (meta, infos, parseError) = ParseMetadata(config);
        if (parseError is not null)
        {
            return ScalerBuildResult.Failure([parseError], infos);
        }

        var auth = meta!.PrometheusAuth ?? new PrometheusAuthConfig();
        http ??= ScalerHttpClients.Default;
        var (transport, error) = BuildTransport(config, meta, auth, http, timeProvider ?? TimeProvider.System);
        if (error is not null)
        {
            return ScalerBuildResult.Failure([error], infos);
        }

        var settings = new PrometheusSettings
        {
            ServerAddress = meta.ServerAddress,
            Query = meta.Query,
            Threshold = meta.Threshold,
            ActivationThreshold = meta.ActivationThreshold,
            Namespace = meta.Namespace,
            CustomHeaders = [.. meta.CustomHeaders ?? []],
            QueryParameters = [.. meta.QueryParameters ?? []],
            IgnoreNullValues = meta.IgnoreNullValues,
            Timeout = meta.Timeout > TimeSpan.Zero ? meta.Timeout : config.GlobalHttpTimeout,
            TriggerIndex = config.TriggerIndex,
            MetricTargetType = metricType,
        };

        var scaler = new PrometheusScaler(settings, http, transport!.Tls, transport.Headers, transport.Authorizer, timeProvider ?? TimeProvider.System, logger ?? NullLogger.Instance);
        return ScalerBuildResult.Success(scaler, infos);
    }

    /// <summary>KEDA's <c>parsePrometheusMetadata</c>: typed config plus the pod-identity exclusivity check.</summary>
    internal static (PrometheusMetadata? Meta, IReadOnlyList<string> Infos, string? Error) ParseMetadata(ScalerConfig config)
    {
        var parsed = TypedConfig.Parse<PrometheusMetadata>(config);
        if (!parsed.IsSuccess)
        {
            // KEDA wraps this error twice (parsePrometheusMetadata and NewPrometheusScaler).
            return (null, parsed.Infos, ParseErrorPrefix + ParseErrorPrefix + parsed.ErrorMessage);
        }

        var auth = parsed.Value.PrometheusAuth;
        if (auth is { Disabled: false } && !config.PodIdentity.IsNone)
        {
            return (null, parsed.Infos, ParseErrorPrefix + "pod identity cannot be enabled with other auth types");
        }

        return (parsed.Value, parsed.Infos, null);
    }

    private static (Transport? Transport, string? Error) BuildTransport(ScalerConfig config, PrometheusMetadata meta, PrometheusAuthConfig auth, ScalerHttpClients http, TimeProvider timeProvider)
    {
        if (!auth.Disabled)
        {
            var tls = ScalerTlsSettings.Default(meta.UnsafeSsl);
            if (auth.Ca.Length > 0 || auth.Enabled(PrometheusAuthConfig.Tls))
            {
                // KEDA builds a separate transport here that always verifies (unsafeSsl is ignored).
                var (custom, tlsError) = ScalerTlsSettings.Custom(auth.Cert, auth.Key, auth.Ca);
                if (tlsError is not null)
                {
                    return (null, tlsError);
                }

                tls = custom!;
            }

            return (new Transport(tls, AuthHeaders(auth), null), null);
        }

        if (HasGcpCredentials(config))
        {
            return (null, "GCP authentication for the prometheus scaler (GoogleApplicationCredentials, credentialsFromEnv, credentialsFromEnvFile or pod identity gcp) is not supported");
        }

        // KEDA probes every transport in turn; a later one replaces an earlier one, so AWS wins over Azure.
        // KEDA hides AWS parse errors here: a trigger without AWS credentials simply is not signed.
        if (AwsAuthorization.Resolve(meta.AwsRegion, config).Authorization is { } aws)
        {
            var externalId = aws.RoleArn.Length > 0 ? config.AuthParams.GetValueOrDefault("awsExternalId") : null;
            var signer = new AwsSigV4Authorizer(aws, externalId, meta.AwsRegion, timeProvider);
            return (new Transport(ScalerTlsSettings.Default(false), [], signer), null);
        }

        if (config.PodIdentity.Provider is "azure-workload" or "azure")
        {
            if (config.PodIdentity.Provider == "azure")
            {
                return (null, "pod identity azure not supported for azure credentials chain");
            }

            var (scope, scopeError) = AzureScope(config.TriggerMetadata);
            if (scopeError is not null)
            {
                return (null, scopeError);
            }

            var credential = AzureTokenAuthorizer.CreateWorkloadCredential(config.PodIdentity, http);
            return (new Transport(ScalerTlsSettings.Default(false), [], new AzureTokenAuthorizer(credential, scope!, timeProvider)), null);
        }

        return (new Transport(ScalerTlsSettings.Default(meta.UnsafeSsl), [], null), null);
    }

    /// <summary>KEDA's request auth: bearer, else basic, else custom header.</summary>
    private static IReadOnlyList<KeyValuePair<string, string>> AuthHeaders(PrometheusAuthConfig auth)
    {
        if (auth.Enabled(PrometheusAuthConfig.Bearer))
        {
            return [new("Authorization", "Bearer " + auth.BearerToken)];
        }

        if (auth.Enabled(PrometheusAuthConfig.Basic))
        {
            var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{auth.Username}:{auth.Password}"));
            return [new("Authorization", new AuthenticationHeaderValue("Basic", encoded).ToString())];
        }

        return auth.Enabled(PrometheusAuthConfig.Custom) ? [new(auth.CustomAuthHeader, auth.CustomAuthValue)] : [];
    }

    /// <summary>KEDA's <c>ParseEnvironmentProperty</c> for <c>azureManagedPrometheusResourceURL</c>.</summary>
    private static (string? Scope, string? Error) AzureScope(IReadOnlyDictionary<string, string> metadata)
    {
        var cloud = metadata.GetValueOrDefault("cloud", "");
        if (cloud.Length == 0)
        {
            return (PrometheusDefaults.AzureScopes["AZUREPUBLICCLOUD"], null);
        }

        if (string.Equals(cloud, "Private", StringComparison.OrdinalIgnoreCase))
        {
            return metadata.GetValueOrDefault("azureManagedPrometheusResourceURL", "") is { Length: > 0 } url
                ? (url, null)
                : (null, "azureManagedPrometheusResourceURL must be provided for Private cloud type");
        }

        if (!PrometheusDefaults.AzureCloudNames.TryGetValue(cloud, out var name))
        {
            return (null, $"invalid cloud environment {cloud}");
        }

        return PrometheusDefaults.AzureScopes.TryGetValue(cloud, out var scope)
            ? (scope, null)
            : (null, $"azure managed prometheus is not available in cloud {name}");
    }

    private static bool HasGcpCredentials(ScalerConfig config) =>
        config.PodIdentity.Provider == "gcp"
        || config.AuthParams.GetValueOrDefault("GoogleApplicationCredentials", "").Length > 0
        || ResolvedFromEnv(config, "credentialsFromEnv")
        || ResolvedFromEnv(config, "credentialsFromEnvFile");

    private static bool ResolvedFromEnv(ScalerConfig config, string metadataKey) =>
        config.TriggerMetadata.TryGetValue(metadataKey, out var envName)
        && config.ResolvedEnv.GetValueOrDefault(envName, "").Length > 0;

    private sealed record Transport(ScalerTlsSettings Tls, IReadOnlyList<KeyValuePair<string, string>> Headers, IPrometheusRequestAuthorizer? Authorizer);
}
