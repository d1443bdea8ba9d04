using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly.Registry;

namespace Operator.Scalers.Http;

/// <summary>
/// Configures every factory client named <c>keda-scaler-*</c>: its primary handler from the TLS configuration
/// registered under that name, no <see cref="HttpClient.Timeout"/> (the scaler's own timeout bounds the call, reading
/// the body included) and the scaler resilience pipeline in place of any resilience handler a host adds to all clients
/// (Aspire's service defaults add the standard one, whose 30 s total timeout and retries of 5xx responses would let a
/// poll outlast the scaler timeout and hide failures from fallback).
/// </summary>
internal sealed class ScalerHttpClientSetup : IConfigureNamedOptions<HttpClientFactoryOptions>
{
    public void Configure(HttpClientFactoryOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, HttpClientFactoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name is null || !name.StartsWith(ScalerHttpDefaults.ClientNamePrefix, StringComparison.Ordinal))
        {
            return;
        }

        options.HttpClientActions.Add(client => client.Timeout = Timeout.InfiniteTimeSpan);
        options.HttpMessageHandlerBuilderActions.Add(builder =>
        {
            var clients = builder.Services.GetRequiredService<ScalerHttpClients>();
            builder.PrimaryHandler = clients.TryGetTls(name, out var tls)
                ? tls.CreateHandler()
                : throw new InvalidOperationException($"no TLS configuration is registered for the HTTP client \"{name}\"");
            for (var i = builder.AdditionalHandlers.Count - 1; i >= 0; i--)
            {
                if (builder.AdditionalHandlers[i] is ResilienceHandler)
                {
                    builder.AdditionalHandlers.RemoveAt(i);
                }
            }

            var pipeline = builder.Services.GetRequiredService<ResiliencePipelineProvider<string>>()
                .GetPipeline<HttpResponseMessage>(ScalerHttpDefaults.PipelineName);
            builder.AdditionalHandlers.Add(new ResilienceHandler(pipeline));
        });
    }

    /// <summary>A connect that failed before any byte of the request was sent: refused, reset, unreachable.</summary>
    public static bool IsConnectFailure(Exception? exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError };
}
