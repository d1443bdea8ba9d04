namespace Operator.Scalers.Prometheus;

/// <summary>
/// Adds per-request credentials that cannot be fixed at build time (Azure tokens, SigV4 signatures). Returns an
/// error message (never containing a secret) when credentials are unavailable.
/// </summary>
internal interface IPrometheusRequestAuthorizer
{
    ValueTask<string?> AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken);
}
