using EmbeddedKubernetes.Controllers;

namespace EmbeddedKubernetes.Tests.Support;

/// <summary>An embedded cluster whose built-in controllers run pods as local processes.</summary>
public sealed class ProcessClusterFixture : IAsyncLifetime
{
    private EmbeddedCluster? _cluster;

    public EmbeddedCluster Cluster => _cluster ?? throw new InvalidOperationException("the cluster has not started");

    public async ValueTask InitializeAsync() =>
        _cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { PodRuntime = PodRuntime.Process }.AddBuiltInControllers());

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
