using EmbeddedKubernetes.Controllers;
using EmbeddedKubernetes.Controllers.Pods;
using k8s;
using k8s.Models;

namespace EmbeddedKubernetes.Tests.Controllers.Cluster;

/// <summary>A real embedded cluster with the built-in controllers (stub pods, short HPA periods).</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public EmbeddedCluster Cluster { get; private set; } = null!;

    public k8s.Kubernetes Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var options = new EmbeddedClusterOptions().AddBuiltInControllers(manager =>
        {
            manager.HpaSyncPeriod = TimeSpan.FromSeconds(1);
            manager.HpaDownscaleStabilizationWindow = TimeSpan.Zero;
            manager.HpaCpuInitializationPeriod = TimeSpan.Zero;
            manager.PodRuntime = new StubPodRuntime(
                new StubPodOptions { ReadyDelay = TimeSpan.FromMilliseconds(200), CompletionDelay = TimeSpan.FromMilliseconds(300) },
                TimeProvider.System);
        });
        Cluster = await EmbeddedCluster.StartAsync(options);
        Client = Cluster.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Cluster.DisposeAsync();
    }

    /// <summary>Polls until <paramref name="read"/> satisfies <paramref name="condition"/>; fails with the last value after the patience runs out.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        T last = default!;
        while (!timeout.IsCancellationRequested)
        {
            last = await read();
            if (condition(last))
            {
                return last;
            }

            try
            {
                await Task.Delay(100, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        Assert.Fail($"timed out waiting for {what}; last value: {KubernetesJson.Serialize(last)}");
        return last;
    }

    public static V1Deployment Deployment(string name, int replicas) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default" },
        Spec = new V1DeploymentSpec
        {
            Replicas = replicas,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "main", Image = $"{name}:1" }] },
            },
        },
    };
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "embedded cluster with controllers";
}
