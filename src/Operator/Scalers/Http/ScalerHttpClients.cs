using System.Collections.Concurrent;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Operator.Scalers.Http;

/// <summary>
/// The scalers' way to <see cref="IHttpClientFactory"/>: one named client per TLS configuration, so scalers that
/// secure their connection alike share the factory's handler (and connection pool), which the factory rotates.
/// Create a client per request; it is cheap and picks up the current handler. A configuration no scaler used for
/// <see cref="ScalerHttpDefaults.UnusedTlsLifetime"/> is forgotten, so rotating certificates do not pile up.
/// </summary>
internal sealed class ScalerHttpClients(IHttpClientFactory factory, TimeProvider timeProvider, IOptionsMonitorCache<HttpClientFactoryOptions> factoryOptions)
{
    private static readonly Lazy<ScalerHttpClients> Offline = new(() =>
        new ServiceCollection().AddLogging().AddScalerHttpClients().BuildServiceProvider().GetRequiredService<ScalerHttpClients>());

    private readonly ConcurrentDictionary<string, Registration> _tls = new(StringComparer.Ordinal);
    private long _nextSweepTicks;

    /// <summary>Clients outside a host (validation, tests): a process-wide service provider of their own.</summary>
    public static ScalerHttpClients Default => Offline.Value;

    /// <summary>TLS configurations registered, i.e. named clients in use (for tests and diagnostics).</summary>
    public int ConfigurationCount => _tls.Count;

    /// <summary>A client of the factory whose primary handler is secured as <paramref name="tls"/> says.</summary>
    public HttpClient Create(ScalerTlsSettings tls)
    {
        ArgumentNullException.ThrowIfNull(tls);
        var now = timeProvider.GetUtcNow();
        DropUnused(now);

        // The factory builds the handler inside CreateClient, reading TryGetTls, and caches a failed build for good:
        // the configuration is registered first, as a new instance that a concurrent sweep (which removes only the
        // instance it judged unused) cannot take away.
        _tls[tls.ClientName] = new Registration(tls, now);
        return factory.CreateClient(tls.ClientName);
    }

    /// <summary>
    /// An Azure SDK transport (a client's requests, a credential's token requests to Entra ID) over a factory client
    /// of KEDA's default TLS. The SDK keeps that client, and so its handler, for as long as it keeps the transport.
    /// </summary>
    public HttpClientTransport CreateAzureTransport() => new(Create(ScalerTlsSettings.Default(false)));

    /// <summary>The TLS configuration behind a client name (read when the factory builds that client's handler).</summary>
    public bool TryGetTls(string clientName, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ScalerTlsSettings? tls)
    {
        var found = _tls.TryGetValue(clientName, out var registration);
        tls = registration?.Tls;
        return found;
    }

    /// <summary>
    /// Forgets, at most once per <see cref="ScalerHttpDefaults.UnusedTlsLifetime"/>, the configurations unused for
    /// that long, and the factory's options cached under their names. Clients already made keep their handler; a
    /// scaler that uses a forgotten configuration again registers it again before the factory builds anything.
    /// </summary>
    private void DropUnused(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due
            || Interlocked.CompareExchange(ref _nextSweepTicks, (now + ScalerHttpDefaults.UnusedTlsLifetime).UtcTicks, due) != due)
        {
            return;
        }

        var cutoff = now - ScalerHttpDefaults.UnusedTlsLifetime;
        foreach (var entry in _tls)
        {
            if (entry.Value.LastUsed <= cutoff && _tls.TryRemove(entry))
            {
                factoryOptions.TryRemove(entry.Key);
            }
        }
    }

    // Compared by reference: TryRemove(entry) removes only the registration the sweep saw, never a newer use.
    private sealed class Registration(ScalerTlsSettings tls, DateTimeOffset lastUsed)
    {
        public ScalerTlsSettings Tls { get; } = tls;

        public DateTimeOffset LastUsed { get; } = lastUsed;
    }
}
