using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Azure.Core;
using Azure.Identity;
using Operator.Scalers.Http;

namespace Operator.Scalers.Prometheus;

/// <summary>
/// Azure Managed Prometheus: a Microsoft Entra bearer token for the Azure Monitor workspace scope on each request,
/// cached until shortly before it expires (KEDA's <c>azureManagedPrometheusHTTPRoundTripper</c>).
/// </summary>
internal sealed class AzureTokenAuthorizer(TokenCredential credential, string scope, TimeProvider timeProvider) : IPrometheusRequestAuthorizer
{
    // Boxed so reads and writes are atomic; two concurrent refreshes only cost one extra token request.
    private volatile StrongBox<AccessToken>? _token;

    public string Scope { get; } = scope;

    public async ValueTask<string?> AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string token;
        try
        {
            token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AuthenticationFailedException ex)
        {
            return $"error getting Azure Managed Prometheus token: {ex.Message}";
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return null;
    }

    private async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_token is { } cached && cached.Value.ExpiresOn - PrometheusDefaults.TokenRefreshMargin > timeProvider.GetUtcNow())
        {
            return cached.Value.Token;
        }

        var fresh = await credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken).ConfigureAwait(false);
        _token = new StrongBox<AccessToken>(fresh);
        return fresh.Token;
    }

    /// <summary>
    /// KEDA's chain for <c>azure-workload</c>: workload identity and the Azure CLI for local debugging when a shell
    /// exists. KEDA asks the CLI first; asking workload identity first spares a process spawn per token in pods.
    /// Building reads no files and makes no network calls.
    /// </summary>
    public static TokenCredential CreateWorkloadCredential(PodIdentity identity, ScalerHttpClients http)
    {
        var credentials = new List<TokenCredential> { new WorkloadIdentityCredential(WorkloadOptions(identity, http)) };
        if (File.Exists("/bin/sh"))
        {
            credentials.Add(new AzureCliCredential());
        }

        return new ChainedTokenCredential([.. credentials]);
    }

    /// <summary>
    /// Workload identity as KEDA configures it (identityId/identityTenantId/identityAuthorityHost override the
    /// webhook-injected <c>AZURE_CLIENT_ID</c>/<c>AZURE_TENANT_ID</c>/<c>AZURE_AUTHORITY_HOST</c>), its token requests
    /// to Entra ID sent through the host's <see cref="IHttpClientFactory"/>.
    /// </summary>
    internal static WorkloadIdentityCredentialOptions WorkloadOptions(PodIdentity identity, ScalerHttpClients http)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(http);
        var options = new WorkloadIdentityCredentialOptions { Transport = http.CreateAzureTransport() };
        if (!string.IsNullOrEmpty(identity.IdentityId))
        {
            options.ClientId = identity.IdentityId;
        }

        if (!string.IsNullOrEmpty(identity.IdentityTenantId))
        {
            options.TenantId = identity.IdentityTenantId;
        }

        if (!string.IsNullOrEmpty(identity.IdentityAuthorityHost) && Uri.TryCreate(identity.IdentityAuthorityHost, UriKind.Absolute, out var authority))
        {
            options.AuthorityHost = authority;
        }

        return options;
    }
}
