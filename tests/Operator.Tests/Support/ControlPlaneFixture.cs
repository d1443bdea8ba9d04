using EmbeddedKubernetes;
using EmbeddedKubernetes.Controllers;
using EmbeddedKubernetes.Controllers.Pods;
using EmbeddedKubernetes.Tests.Support;
using k8s;

namespace Operator.Tests.Support;

/// <summary>An embedded control plane over HTTP with its built-in controllers (stub pods, HPA sync every second), one per test class.</summary>
public sealed partial class ControlPlaneFixture : IAsyncLifetime
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public EmbeddedCluster Cluster { get; private set; } = null!;

    public k8s.Kubernetes Client { get; private set; } = null!;

    public Kubectl Kubectl => Kubectl.For(Cluster);

    public async ValueTask InitializeAsync()
    {
        Cluster = await EmbeddedCluster.StartAsync(WithControllers());
        Client = Cluster.CreateClient();
    }

    /// <summary>Cluster options with the built-in controllers tuned for tests: stub pods ready after 100 ms, HPA sync every second, no downscale window.</summary>
    public static EmbeddedClusterOptions WithControllers() =>
        new EmbeddedClusterOptions { ApiServiceProbeInterval = TimeSpan.FromMilliseconds(500) }.AddBuiltInControllers(manager =>
        {
            manager.HpaSyncPeriod = TimeSpan.FromSeconds(1);
            manager.HpaDownscaleStabilizationWindow = TimeSpan.Zero;
            manager.PodRuntime = new StubPodRuntime(new StubPodOptions { ReadyDelay = TimeSpan.FromMilliseconds(100) }, TimeProvider.System);
        });

    /// <summary>Creates KEDA's CRDs from deploy/crds (idempotent per fixture: call once per test class).</summary>
    public async Task ApplyKedaCrdsAsync()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Cli.RepositoryPaths.Root, "deploy", "crds"), "*.yaml"))
        {
            var crd = KubernetesYaml.Deserialize<k8s.Models.V1CustomResourceDefinition>(await File.ReadAllTextAsync(file));
            try
            {
                await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd);
            }
            catch (k8s.Autorest.HttpOperationException ex) when (ex.Response.StatusCode == System.Net.HttpStatusCode.Conflict)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }

    /// <summary>
    /// Polls until <paramref name="read"/> satisfies <paramref name="condition"/>; fails with the last value when
    /// <paramref name="patience"/> (default <see cref="Patience"/>) runs out.
    /// </summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what, TimeSpan? patience = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(patience ?? Patience);
        T last = default!;
        while (!timeout.IsCancellationRequested)
        {
            try
            {
                last = await read();
                if (condition(last))
                {
                    return last;
                }

                await Task.Delay(200, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (k8s.Autorest.HttpOperationException)
            {
                // Not there yet (404) or a conflict mid-update: read again.
                await Task.Delay(200, CancellationToken.None);
            }
        }

        Assert.Fail($"timed out waiting for {what}; last value: {(last is null ? "null" : KubernetesJson.Serialize(last))}");
        return last;
    }
}
