using EmbeddedKubernetes;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Operator.Hosting;
using Operator.Tests.Support;

namespace Operator.Tests.Controllers;

/// <summary>
/// The embedded control plane of <see cref="ControlPlaneFixture"/> (over HTTP, built-in controllers: stub pods, the HPA
/// controller syncing every second) with KEDA's CRDs, and the operator running in process against it as <c>run</c>
/// runs it: controller, scale loops, its metrics adapter registered through the APIService, <c>/metrics</c>. Tests
/// isolate themselves by namespace; <see cref="StopOperatorAsync"/>/<see cref="StartOperatorAsync"/> restart it.
/// <see cref="ScalingOperatorFixture"/> adds helpers for waiting on replicas and ScaledObjects.
/// </summary>
public class OperatorFixture : IAsyncLifetime
{
    private readonly ControlPlaneFixture _controlPlane = new();
    private WebApplication? _app;

    public k8s.Kubernetes Client => _controlPlane.Client;

    public EmbeddedCluster Cluster => _controlPlane.Cluster;

    /// <summary>The running operator's <c>/metrics</c> listener (changes on restart).</summary>
    public Uri MetricsUri => _app!.Services.GetRequiredService<OperatorListeners>().Metrics;

    public async ValueTask InitializeAsync()
    {
        await _controlPlane.InitializeAsync();
        await _controlPlane.ApplyKedaCrdsAsync();
        await StartOperatorAsync();
    }

    public async Task StartOperatorAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        ConfigureOperator(builder);
        builder.AddOperatorEndpoints(new OperatorEndpointsOptions { AdapterPort = 0, MetricsPort = 0, HealthPort = 0, RegisterApiService = true });
        builder.Services.AddSingleton<k8s.IKubernetes>(Cluster.CreateClient());
        builder.Services.AddOperatorCore();
        _app = builder.Build();
        _app.MapOperatorEndpoints();
        await _app.StartAsync();
    }

    /// <summary>The running operator's services (replaced on restart).</summary>
    public IServiceProvider OperatorServices => _app!.Services;

    public async Task StopOperatorAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopOperatorAsync();
        await _controlPlane.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Applies the objects of a YAML stream in <paramref name="ns"/> (<see cref="ControlPlaneFixture.ApplyAsync(string, string)"/>).</summary>
    public Task ApplyAsync(string ns, string yaml) => _controlPlane.ApplyAsync(ns, yaml);

    /// <summary>A Deployment of stub pods labelled <c>app: name</c>.</summary>
    public Task CreateDeploymentAsync(string ns, string name, int replicas) => ApplyAsync(ns, ControlPlaneFixture.Deployment(name, replicas));

    /// <summary>Called before the operator's services are added: a subclass adds logging or leader election here.</summary>
    protected virtual void ConfigureOperator(WebApplicationBuilder builder)
    {
    }

    public async Task<string> NamespaceAsync()
    {
        var name = "t-" + Guid.NewGuid().ToString("N")[..10];
        await Client.CoreV1.CreateNamespaceAsync(new k8s.Models.V1Namespace { Metadata = new() { Name = name } });
        return name;
    }
}
