using EmbeddedKubernetes;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Operator.Hosting;

namespace Operator.Tests.Controllers;

/// <summary>
/// An embedded control plane (over HTTP, KEDA's CRDs applied from deploy/crds) with the operator host running in
/// process against it, as <c>run</c> would. Tests isolate themselves by namespace.
/// </summary>
public sealed class OperatorFixture : IAsyncLifetime
{
    private EmbeddedCluster? _cluster;
    private IHost? _host;

    public k8s.Kubernetes Client { get; private set; } = null!;

    public EmbeddedCluster Cluster => _cluster!;

    public async ValueTask InitializeAsync()
    {
        _cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions());
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
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IKubernetes>(_cluster!.CreateClient());
        builder.Services.AddOperatorCore();
        _host = builder.Build();
        await _host.StartAsync();
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
