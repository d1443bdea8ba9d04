using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using EmbeddedKubernetes.Api;
using EmbeddedKubernetes.Resources;
using EmbeddedKubernetes.Storage;
using Microsoft.AspNetCore.Http;

namespace EmbeddedKubernetes.Aggregation;

/// <summary>
/// API aggregation: /apis/{group}/{version}/** for an APIService with spec.service is proxied to its backend
/// (TLS checked against spec.caBundle for {service}.{namespace}.svc, or skipped with insecureSkipTLSVerify), and
/// the group appears in /apis. Discovery of that group-version is the backend's own answer.
/// </summary>
internal sealed class ApiServiceProxy : IDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Host", "Authorization", "Content-Length",
    };

    private readonly ObjectStore _store;
    private readonly ConcurrentDictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    public ApiServiceProxy(ObjectStore store) => _store = store;

    public IEnumerable<(string Group, IReadOnlyList<string> Versions)> MergedGroups(IReadOnlyList<(string Group, IReadOnlyList<string> Versions)> local)
    {
        var merged = local.ToDictionary(g => g.Group, g => g.Versions.ToList(), StringComparer.Ordinal);
        foreach (var apiService in Remote())
        {
            var group = apiService["spec"]?["group"]?.GetValue<string>() ?? "";
            var version = apiService["spec"]?["version"]?.GetValue<string>() ?? "";
            if (!merged.TryGetValue(group, out var versions))
            {
                versions = [];
                merged[group] = versions;
            }

            if (!versions.Contains(version))
            {
                versions.Add(version);
                versions.Sort(KubeVersionComparer.Instance);
            }
        }

        return merged.Select(kv => (kv.Key, (IReadOnlyList<string>)kv.Value));
    }

    /// <summary>Proxies the request when its group-version belongs to a remote APIService; false otherwise.</summary>
    public async Task<bool> TryProxyAsync(HttpContext context, string path)
    {
        var segments = path.Trim('/').Split('/');
        if (segments.Length < 3 || segments[0] != "apis")
        {
            return false;
        }

        var apiService = _store.Get(BackendResolver.ApiServices, "", $"{segments[2]}.{segments[1]}")?.ToNode();
        if (apiService?["spec"]?["service"] is null)
        {
            return false;
        }

        var (backend, error) = BackendResolver.Resolve(_store, apiService);
        if (backend is null)
        {
            await HttpIo.WriteErrorAsync(context, new ApiError(503, "ServiceUnavailable", error ?? "the backend is not available"));
            return true;
        }

        var target = new Uri(backend.BaseUri, path + context.Request.QueryString);
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), target);
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            request.Content = new StreamContent(context.Request.Body);
            if (context.Request.ContentType is { } contentType)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        foreach (var header in context.Request.Headers.Where(h => !HopHeaders.Contains(h.Key) && !h.Key.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)))
        {
            request.Headers.TryAddWithoutValidation(header.Key, [.. header.Value]);
        }

        try
        {
            using var response = await Client(backend).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers).Where(h => !HopHeaders.Contains(h.Key)))
            {
                context.Response.Headers[header.Key] = header.Value.ToArray();
            }

            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
        catch (HttpRequestException ex)
        {
            if (!context.Response.HasStarted)
            {
                await HttpIo.WriteErrorAsync(context, new ApiError(503, "ServiceUnavailable", $"error trying to reach service: {Describe(ex)}"));
            }
        }

        return true;
    }

    /// <summary>Probes a remote APIService's discovery document; the reason is what status.conditions reports.</summary>
    public async Task<(bool Available, string Reason, string Message)> ProbeAsync(JsonObject apiService, CancellationToken cancellationToken)
    {
        var (backend, error) = BackendResolver.Resolve(_store, apiService);
        if (backend is null)
        {
            return error is null ? (true, "Local", "Local APIServices are always available") : (false, "ServiceNotFound", error);
        }

        var group = apiService["spec"]?["group"]?.GetValue<string>();
        var version = apiService["spec"]?["version"]?.GetValue<string>();
        try
        {
            using var response = await Client(backend).GetAsync(new Uri(backend.BaseUri, $"/apis/{group}/{version}"), cancellationToken);
            return response.IsSuccessStatusCode
                ? (true, "Passed", "all checks passed")
                : (false, "FailedDiscoveryCheck", $"failing or missing response from {backend.BaseUri}: bad status from {backend.BaseUri}apis/{group}/{version}: {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return (false, "FailedDiscoveryCheck", $"failing or missing response from {backend.BaseUri}: {Describe(ex)}");
        }
    }

    private static string Describe(Exception ex) => ex.InnerException is null ? ex.Message : $"{ex.Message}: {ex.InnerException.Message}";

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }

    private IEnumerable<JsonObject> Remote() =>
        _store.List(BackendResolver.ApiServices, null).Items.Select(a => a.ToNode()).Where(a => a["spec"]?["service"] is not null);

    private HttpClient Client(ApiServiceBackend backend)
    {
        var key = $"{backend.BaseUri}|{backend.ServerName}|{backend.InsecureSkipTlsVerify}|{(backend.CaBundle is null ? "" : Convert.ToBase64String(backend.CaBundle))}";
        return _clients.GetOrAdd(key, _ =>
        {
            var handler = new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions
                {
                    RemoteCertificateValidationCallback = (_, certificate, _, errors) => Validate(backend, certificate, errors),
                },
            };
            return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        });
    }

    private static bool Validate(ApiServiceBackend backend, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (backend.InsecureSkipTlsVerify)
        {
            return true;
        }

        if (certificate is null || backend.CaBundle is null)
        {
            return errors == SslPolicyErrors.None;
        }

        using var leaf = new X509Certificate2(certificate);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        var roots = new X509Certificate2Collection();
        roots.ImportFromPem(System.Text.Encoding.ASCII.GetString(backend.CaBundle));
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        // The connection goes to an endpoint IP, but kube-apiserver verifies the certificate for the Service's DNS name.
        return chain.Build(leaf) && leaf.MatchesHostname(backend.ServerName);
    }
}
