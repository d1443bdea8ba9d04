using System.Net;
using System.Security.Cryptography.X509Certificates;
using k8s;
using k8s.Autorest;
using Operator.Adapter;

namespace Operator.Cli;

/// <summary>
/// Finds the running operator's HTTP endpoint without flags: the operator serves its decisions on the adapter port
/// too, and registered that port as APIService <c>v1beta1.external.metrics.k8s.io</c> → Service → EndpointSlice, with
/// the caBundle that verifies its certificate. Returns null (with the reason) when that chain is incomplete.
/// </summary>
internal static class OperatorLocator
{
    public sealed record Location(Uri BaseUri, X509Certificate2Collection? TrustedRoots);

    public static async Task<(Location? Location, string? Reason)> FindAsync(IKubernetes client, CancellationToken cancellationToken)
    {
        try
        {
            var apiService = await client.ApiregistrationV1.ReadAPIServiceAsync(ApiServiceSelfRegistration.ApiServiceName, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            if (apiService.Spec.Service is not { } service)
            {
                return (null, $"APIService {ApiServiceSelfRegistration.ApiServiceName} has no service");
            }

            var slices = await client.DiscoveryV1.ListNamespacedEndpointSliceAsync(service.NamespaceProperty,
                labelSelector: "kubernetes.io/service-name=" + service.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var slice in slices.Items)
            {
                var address = slice.Endpoints?.Where(e => e.Conditions?.Ready != false).SelectMany(e => e.Addresses).FirstOrDefault();
                var port = slice.Ports?.FirstOrDefault()?.Port;
                if (address is null || port is null)
                {
                    continue;
                }

                X509Certificate2Collection? roots = null;
                if (apiService.Spec.CaBundle is { Length: > 0 } bundle)
                {
                    roots = [];
                    roots.ImportFromPem(System.Text.Encoding.ASCII.GetString(bundle));
                }

                var host = address.Contains(':', StringComparison.Ordinal) ? $"[{address}]" : address;
                return (new Location(new Uri($"https://{host}:{port}"), roots), null);
            }

            return (null, $"service {service.NamespaceProperty}/{service.Name} has no ready endpoint");
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return (null, $"APIService {ApiServiceSelfRegistration.ApiServiceName} is not registered (is the operator running?)");
        }
    }

    /// <summary>An HTTP client for the operator: TLS verified against the caBundle when there is one.</summary>
    public static HttpClient Client(Location location)
    {
        var handler = new SocketsHttpHandler();
        if (location.TrustedRoots is { } roots)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            {
                if (certificate is null)
                {
                    return false;
                }

                using var leaf = new X509Certificate2(certificate);
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                chain.ChainPolicy.CustomTrustStore.AddRange(roots);
                return chain.Build(leaf);
            };
        }

        return new HttpClient(handler) { BaseAddress = location.BaseUri, Timeout = TimeSpan.FromSeconds(10) };
    }
}
