using EmbeddedKubernetes;
using k8s;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Operator.Hosting;
using Operator.Tests.Support;

namespace Operator.Tests.Controllers;

/// <summary>
/// An embedded control plane (over HTTP, KEDA's CRDs applied from deploy/crds) with the operator host running in
/// process against it, as <c>run</c> would. Tests isolate themselves by namespace. <see cref="ScalingOperatorFixture"/>
/// adds the control plane's built-in controllers (HPA, Deployments → stub pods) and the operator's metrics adapter
/// registered through its APIService, so the HPA scales from the operator's metrics as on a cluster.
/// </summary>
public class OperatorFixture : IAsyncLifetime
{
    private readonly bool _withScaling;
    private EmbeddedCluster? _cluster;
    private IHost? _host;

    public OperatorFixture()
        : this(withScaling: false)
    {
    }

    protected OperatorFixture(bool withScaling) => _withScaling = withScaling;

    public k8s.Kubernetes Client { get; private set; } = null!;

    public EmbeddedCluster Cluster => _cluster!;

    public async ValueTask InitializeAsync()
    {
        _cluster = await EmbeddedCluster.StartAsync(_withScaling ? ControlPlaneFixture.WithControllers() : new EmbeddedClusterOptions());
        Client = _cluster.CreateClient();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "deploy", "crds"), "*.yaml"))
        {
            var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(await File.ReadAllTextAsync(file));
            await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd);
        }

        await StartOperatorAsync();
    }

    public async Task StartOperatorAsync()
    {
        if (_withScaling)
        {
            await StartOperatorWithAdapterAsync();
            return;
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IKubernetes>(_cluster!.CreateClient());
        builder.Services.AddOperatorCore();
        _host = builder.Build();
        await _host.StartAsync();
    }

    // What `run` starts out of cluster: the operator core plus its endpoints, the adapter self-registered as the APIService.
    private async Task StartOperatorWithAdapterAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.AddOperatorEndpoints(new OperatorEndpointsOptions { AdapterPort = 0, MetricsPort = 0, HealthPort = 0, RegisterApiService = true });
        builder.Services.AddSingleton<IKubernetes>(_cluster!.CreateClient());
        builder.Services.AddOperatorCore();
        var app = builder.Build();
        app.MapOperatorEndpoints();
        await app.StartAsync();
        _host = app;
    }

    public async Task StopOperatorAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
            _host = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopOperatorAsync();
        Client?.Dispose();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    public async Task<string> NamespaceAsync()
    {
        var name = "t-" + Guid.NewGuid().ToString("N")[..10];
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new() { Name = name } });
        return name;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Aspire.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root (Aspire.sln) not found above " + AppContext.BaseDirectory);
    }
}
