using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using EmbeddedKubernetes.Aggregation;
using EmbeddedKubernetes.Api;
using EmbeddedKubernetes.Crds;
using EmbeddedKubernetes.Gc;
using EmbeddedKubernetes.Hosting;
using EmbeddedKubernetes.Logs;
using EmbeddedKubernetes.Resources;
using EmbeddedKubernetes.Storage;
using EmbeddedKubernetes.Tables;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmbeddedKubernetes;

/// <summary>
/// An in-process, Kubernetes-API-compatible control plane for local development and tests: HTTPS on 127.0.0.1
/// with a generated CA, a kubeconfig for kubectl and KubernetesClient, in-memory storage, watches, CRDs,
/// garbage collection and API aggregation. Not a Kubernetes distribution (see README.md for what it leaves out).
/// </summary>
public sealed class EmbeddedCluster : IAsyncDisposable
{
    private readonly ClusterCertificates _certificates;
    private readonly SemaphoreSlim _serving = new(1, 1);
    private WebApplication? _app;
    private Func<int, WebApplication>? _buildServer;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private readonly string? _ownedDirectory;
    private readonly ApiServiceProxy _proxy;

    private EmbeddedCluster(ClusterCertificates certificates, ObjectService objects, ApiServiceProxy proxy,
        EmbeddedClusterOptions options, string kubeconfigPath, string? ownedDirectory, string token, PodLogSources podLogs)
    {
        PodLogs = podLogs;
        _certificates = certificates;
        Objects = objects;
        _proxy = proxy;
        Options = options;
        KubeconfigPath = kubeconfigPath;
        _ownedDirectory = ownedDirectory;
        Token = token;
    }

    /// <summary>https://127.0.0.1:port</summary>
    public Uri Url { get; private set; } = new("https://127.0.0.1");

    public string KubeconfigPath { get; }

    public EmbeddedClusterOptions Options { get; }

    /// <summary>Where <c>kubectl logs</c> reads container output: the pod runtime of the built-in controllers attaches here.</summary>
    public PodLogSources PodLogs { get; }

    /// <summary>PEM of the CA that signed the server certificate.</summary>
    public string CertificateAuthorityPem => _certificates.CaPem;

    internal string Token { get; }

    internal ObjectService Objects { get; }

    internal ObjectStore Store => Objects.Store;

    public static async Task<EmbeddedCluster> StartAsync(EmbeddedClusterOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmbeddedClusterOptions();
        options.Validate();
        var time = options.TimeProvider;
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var registry = new ResourceRegistry(BuiltInResources.All);
        var store = new ObjectStore(options.WatchHistoryLimit, watchBufferSize: options.WatchBufferSize);
        _ = new CrdRegistrar(registry, store);
        var objects = new ObjectService(store, registry, time) { PodsHaveKubelet = options.RunsKubelet };
        foreach (var ns in EmbeddedClusterDefaults.Namespaces)
        {
            objects.Create(registry.Find("", "v1", "namespaces")!, "", new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } }, WriteOptions.Default);
        }

        var certificates = ClusterCertificates.Create(time);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var tables = new TableBuilder(time);
        var proxy = new ApiServiceProxy(store);
        var podLogs = new PodLogSources();
        var router = new ApiRouter(
            registry,
            new ResourceEndpoint(objects, new ListEndpoint(objects, tables, new ListSnapshots(time, EmbeddedClusterDefaults.ListSnapshots, EmbeddedClusterDefaults.ContinueTokenLifetime)),
                new WatchEndpoint(store, tables, time, options.BookmarkInterval, options.WatchTimeout), tables,
                new PodLogEndpoint(objects, podLogs, time)),
            proxy);

        var ownedDirectory = options.KubeconfigPath is null ? Directory.CreateTempSubdirectory("embedded-kubernetes-").FullName : null;
        var kubeconfigPath = options.KubeconfigPath ?? Path.Combine(ownedDirectory!, "kubeconfig");
        var cluster = new EmbeddedCluster(certificates, objects, proxy, options, kubeconfigPath, ownedDirectory, token, podLogs);
        cluster._buildServer = port => BuildServer(port, certificates, loggerFactory, context =>
            Authorized(context, token) ? router.HandleAsync(context) : Unauthorized(context));
        cluster._app = cluster._buildServer(options.Port);
        await cluster._app.StartAsync(cancellationToken);
        var address = cluster._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        cluster.Url = new Uri(new Uri(address).GetLeftPart(UriPartial.Authority).Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        KubeconfigWriter.Write(kubeconfigPath, KubeconfigWriter.Render(cluster.Url.ToString().TrimEnd('/'), certificates.CaPem, token));

        var logger = loggerFactory.CreateLogger<EmbeddedCluster>();
        var collector = new GarbageCollector(objects);
        var monitor = new ApiServiceMonitor(objects, proxy, time, options.ApiServiceProbeInterval);
        cluster.StartLoop("garbage-collector", collector.RunAsync, logger);
        cluster.StartLoop("apiservice-availability", monitor.RunAsync, logger);
        foreach (var controller in options.Controllers)
        {
            cluster.StartLoop("controller", ct => controller(cluster, ct), logger);
        }

        EmbeddedKubernetesLog.Listening(logger, cluster.Url, kubeconfigPath);
        return cluster;
    }

    /// <summary>Client configuration for this cluster (CA-verified TLS, bearer token).</summary>
    public KubernetesClientConfiguration CreateClientConfiguration() => KubernetesClientConfiguration.BuildConfigFromConfigFile(KubeconfigPath);

    /// <summary>A KubernetesClient for this cluster; the caller disposes it.</summary>
    public k8s.Kubernetes CreateClient() => new(CreateClientConfiguration());

    /// <summary>Test hook: closes every open watch, as an apiserver restart would.</summary>
    public void DropAllWatches() => Store.DropAllWatches();

    /// <summary>Test hook: forgets watch history so resuming from an older resourceVersion answers 410 Expired.</summary>
    public void CompactWatchHistory() => Store.CompactHistory();

    /// <summary>Whether the HTTP listener is up (false between <see cref="StopServingAsync"/> and <see cref="StartServingAsync"/>).</summary>
    public bool IsServing => _app is not null;

    /// <summary>
    /// Stops the HTTP listener as an apiserver process going down: open watches and connections end, new connections
    /// are refused, while the store (etcd's part) keeps every object and its resourceVersions. The built-in
    /// controllers keep running and back off like any client. <see cref="StartServingAsync"/> brings it back.
    /// </summary>
    public async Task StopServingAsync(CancellationToken cancellationToken = default)
    {
        await _serving.WaitAsync(cancellationToken);
        try
        {
            if (_app is { } app)
            {
                _app = null;
                await StopServerAsync(app);
            }
        }
        finally
        {
            _serving.Release();
        }
    }

    /// <summary>Starts the HTTP listener again on the same address and port, with the same CA, token and store.</summary>
    public async Task StartServingAsync(CancellationToken cancellationToken = default)
    {
        await _serving.WaitAsync(cancellationToken);
        try
        {
            if (_app is null)
            {
                var app = _buildServer!(Url.Port);
                await app.StartAsync(cancellationToken);
                _app = app;
            }
        }
        finally
        {
            _serving.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await StopServingAsync();
        try
        {
            await Task.WhenAll(_loops);
        }
        catch (OperationCanceledException)
        {
            // Loops end by cancellation.
        }

        _proxy.Dispose();
        _serving.Dispose();
        _certificates.Dispose();
        _stopping.Dispose();
        if (_ownedDirectory is not null && Directory.Exists(_ownedDirectory))
        {
            Directory.Delete(_ownedDirectory, recursive: true);
        }
    }

    private static WebApplication BuildServer(int port, ClusterCertificates certificates, ILoggerFactory loggerFactory, RequestDelegate handle)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, EmbeddedHostLifetime>();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = 16 * 1024 * 1024;
            kestrel.Listen(IPAddress.Loopback, port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(certificates.Server);
            });
        });
        var app = builder.Build();
        app.Run(handle);
        return app;
    }

    // Ends open watches first (they would hold the shutdown), then gives other requests a moment before Kestrel aborts them.
    private async Task StopServerAsync(WebApplication app)
    {
        Store.DropAllWatches();
        using var grace = new CancellationTokenSource(EmbeddedClusterDefaults.ShutdownGrace);
        var stopping = app.StopAsync(grace.Token);
        Store.DropAllWatches();
        await stopping;
        await app.DisposeAsync();
    }

    private void StartLoop(string name, Func<CancellationToken, Task> loop, ILogger logger)
    {
        var token = _stopping.Token;
        _loops.Add(Task.Run(async () =>
        {
            try
            {
                await loop(token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                EmbeddedKubernetesLog.LoopFailed(logger, name, ex);
            }
        }, token));
    }

    private static bool Authorized(HttpContext context, string token)
    {
        var path = context.Request.Path.Value ?? "";
        if (path is "/healthz" or "/livez" or "/readyz" or "/version")
        {
            return true;
        }

        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(header[7..]), System.Text.Encoding.UTF8.GetBytes(token));
    }

    private static Task Unauthorized(HttpContext context) =>
        HttpIo.WriteErrorAsync(context, new ApiError(401, "Unauthorized", "Unauthorized"));
}
