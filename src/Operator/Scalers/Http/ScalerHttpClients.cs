using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace Operator.Scalers.Http;

/// <summary>
/// The scalers' way to <see cref="IHttpClientFactory"/>: one named client per TLS configuration, so scalers that
/// secure their connection alike share the factory's handler (and connection pool), which the factory rotates.
/// Create a client per request; it is cheap and picks up the current handler.
/// </summary>
internal sealed class ScalerHttpClients(IHttpClientFactory factory)
{
    private static readonly Lazy<ScalerHttpClients> Offline = new(() =>
        new ServiceCollection().AddLogging().AddScalerHttpClients().BuildServiceProvider().GetRequiredService<ScalerHttpClients>());

    private readonly ConcurrentDictionary<string, ScalerTlsSettings> _tls = new(StringComparer.Ordinal);

    /// <summary>Clients outside a host (validation, tests): a process-wide service provider of their own.</summary>
    public static ScalerHttpClients Default => Offline.Value;

    /// <summary>Distinct TLS configurations seen, i.e. named clients (for tests and diagnostics).</summary>
    public int ConfigurationCount => _tls.Count;

    /// <summary>A client of the factory whose primary handler is secured as <paramref name="tls"/> says.</summary>
    public HttpClient Create(ScalerTlsSettings tls)
    {
        ArgumentNullException.ThrowIfNull(tls);
        _tls.TryAdd(tls.ClientName, tls);
        return factory.CreateClient(tls.ClientName);
    }

    /// <summary>The TLS configuration behind a client name (read when the factory builds that client's handler).</summary>
    public bool TryGetTls(string clientName, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ScalerTlsSettings? tls) =>
        _tls.TryGetValue(clientName, out tls);
}
