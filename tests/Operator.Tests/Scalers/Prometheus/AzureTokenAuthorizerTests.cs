using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Operator.Scalers;
using Operator.Scalers.Http;
using Operator.Scalers.Prometheus;

namespace Operator.Tests.Scalers.Prometheus;

public sealed class AzureTokenAuthorizerTests : IDisposable
{
    private const string ClientId = "11111111-2222-3333-4444-555555555555";
    private const string TenantId = "66666666-7777-8888-9999-000000000000";
    private readonly string _tokenFile = Path.GetTempFileName();

    public void Dispose() => File.Delete(_tokenFile);

    [Fact]
    public async Task WorkloadCredential_RequestsItsTokenThroughTheHostsHttpClientFactory()
    {
        File.WriteAllText(_tokenFile, "service-account-token");
        var entra = new ConcurrentQueue<string>();
        var services = new ServiceCollection().AddLogging().AddScalerHttpClients();
        services.AddHttpClient(ScalerTlsSettings.Default(false).ClientName).AddHttpMessageHandler(() => new EntraStub(entra));
        using var provider = services.BuildServiceProvider();
        var options = AzureTokenAuthorizer.WorkloadOptions(
            new PodIdentity("azure-workload", ClientId, TenantId, "https://login.test/"), provider.GetRequiredService<ScalerHttpClients>());
        options.TokenFilePath = _tokenFile;

        var token = await new WorkloadIdentityCredential(options).GetTokenAsync(
            new TokenRequestContext(["https://prometheus.monitor.azure.com/.default"]), TestContext.Current.CancellationToken);

        Assert.Equal("entra-token", token.Token);
        var request = Assert.Single(entra, r => r.StartsWith("POST ", StringComparison.Ordinal));
        Assert.StartsWith($"POST https://login.test/{TenantId}/oauth2/v2.0/token ", request, StringComparison.Ordinal);
        Assert.Contains("client_assertion=service-account-token", request, StringComparison.Ordinal);
    }

    /// <summary>Entra ID as the token request sees it: instance discovery and the token endpoint, nothing on the network.</summary>
    private sealed class EntraStub(ConcurrentQueue<string> requests) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            requests.Enqueue($"{request.Method} {request.RequestUri} {body}");
            var path = request.RequestUri!.AbsolutePath;
            var json = path.EndsWith("/discovery/instance", StringComparison.Ordinal)
                ? $$"""{"tenant_discovery_endpoint":"https://login.test/{{TenantId}}/v2.0/.well-known/openid-configuration","api-version":"1.1","metadata":[{"preferred_network":"login.test","preferred_cache":"login.test","aliases":["login.test"]}]}"""
                : path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal)
                    ? """{"token_type":"Bearer","expires_in":3600,"ext_expires_in":3600,"access_token":"entra-token"}"""
                    : null;
            return json is null
                ? new HttpResponseMessage(HttpStatusCode.NotFound)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        }
    }
}
