using k8s;

namespace EmbeddedKubernetes.Tests.Support;

/// <summary>One embedded cluster per test class; tests isolate themselves with their own namespace.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private EmbeddedCluster? _cluster;

    public EmbeddedCluster Cluster => _cluster ?? throw new InvalidOperationException("the cluster has not started");

    public k8s.Kubernetes Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions());
        Client = _cluster.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>A fresh namespace for one test.</summary>
    public async Task<string> NamespaceAsync(CancellationToken cancellationToken = default)
    {
        var name = "t-" + Guid.NewGuid().ToString("N")[..10];
        await Client.CoreV1.CreateNamespaceAsync(new k8s.Models.V1Namespace { Metadata = new() { Name = name } }, cancellationToken: cancellationToken);
        return name;
    }
}
