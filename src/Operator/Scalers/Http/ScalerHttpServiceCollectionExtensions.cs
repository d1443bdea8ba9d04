using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Operator.Scalers.Http;

/// <summary>Registers the scalers' HTTP clients: <see cref="IHttpClientFactory"/>, one named client per TLS configuration.</summary>
public static class ScalerHttpServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IHttpClientFactory"/> and the scaler clients. Their resilience pipeline retries only a failed
    /// connect, once, after <see cref="ScalerHttpDefaults.ConnectRetryDelay"/>; it has no timeout of its own because
    /// the scaler's timeout (the trigger's <c>timeout</c>, else <c>KEDA_HTTP_DEFAULT_TIMEOUT</c>) is the token of the
    /// whole call, retry and body included.
    /// </summary>
    public static IServiceCollection AddScalerHttpClients(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ScalerHttpClients)))
        {
            return services;
        }

        services.AddHttpClient();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ScalerHttpClients>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<HttpClientFactoryOptions>, ScalerHttpClientSetup>());
        services.AddResiliencePipeline<string, HttpResponseMessage>(ScalerHttpDefaults.PipelineName, pipeline => pipeline.AddRetry(
            new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = ScalerHttpDefaults.ConnectRetries,
                Delay = ScalerHttpDefaults.ConnectRetryDelay,
                BackoffType = DelayBackoffType.Constant,
                UseJitter = false,
                ShouldHandle = args => ValueTask.FromResult(ScalerHttpClientSetup.IsConnectFailure(args.Outcome.Exception)),
            }));
        return services;
    }
}
