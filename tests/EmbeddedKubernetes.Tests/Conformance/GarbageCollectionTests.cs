using System.Net;
using EmbeddedKubernetes.Tests.Support;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace EmbeddedKubernetes.Tests.Conformance;

/// <summary>ownerReference garbage collection: background cascade, orphan, foreground; namespace deletion.</summary>
public sealed class GarbageCollectionTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private k8s.Kubernetes Client => fixture.Client;

    [Fact]
    public async Task BackgroundDelete_RemovesDependents()
    {
        var ns = await fixture.NamespaceAsync(Ct);
        var owner = await Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("owner", ns), ns, cancellationToken: Ct);
        await Client.CoreV1.CreateNamespacedConfigMapAsync(Dependent("child", ns, owner), ns, cancellationToken: Ct);

        await Client.CoreV1.DeleteNamespacedConfigMapAsync("owner", ns, propagationPolicy: "Background", cancellationToken: Ct);

        await Eventually(async () => !await ExistsAsync("child", ns));
    }

    [Fact]
    public async Task OrphanDelete_KeepsDependentsAndStripsOwnerReference()
    {
        var ns = await fixture.NamespaceAsync(Ct);
        var owner = await Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("owner", ns), ns, cancellationToken: Ct);
        await Client.CoreV1.CreateNamespacedConfigMapAsync(Dependent("child", ns, owner), ns, cancellationToken: Ct);

        await Client.CoreV1.DeleteNamespacedConfigMapAsync("owner", ns, propagationPolicy: "Orphan", cancellationToken: Ct);

        await Eventually(async () => !await ExistsAsync("owner", ns));
        var child = await Client.CoreV1.ReadNamespacedConfigMapAsync("child", ns, cancellationToken: Ct);
        Assert.Null(child.Metadata.OwnerReferences);
    }

    [Fact]
    public async Task ForegroundDelete_RemovesDependentsBeforeOwner()
    {
        var ns = await fixture.NamespaceAsync(Ct);
        var owner = await Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("owner", ns), ns, cancellationToken: Ct);
        await Client.CoreV1.CreateNamespacedConfigMapAsync(Dependent("child", ns, owner), ns, cancellationToken: Ct);

        await Client.CoreV1.DeleteNamespacedConfigMapAsync("owner", ns, propagationPolicy: "Foreground", cancellationToken: Ct);

        await Eventually(async () => !await ExistsAsync("owner", ns) && !await ExistsAsync("child", ns));
    }

    [Fact]
    public async Task DeletingNamespace_RemovesItsContentThenTheNamespace()
    {
        var ns = await fixture.NamespaceAsync(Ct);
        await Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a", ns), ns, cancellationToken: Ct);

        await Client.CoreV1.DeleteNamespaceAsync(ns, cancellationToken: Ct);

        await Eventually(async () =>
        {
            var list = await Client.CoreV1.ListNamespaceAsync(cancellationToken: Ct);
            return list.Items.All(n => n.Metadata.Name != ns);
        });
    }

    private static V1ConfigMap Dependent(string name, string ns, V1ConfigMap owner)
    {
        var map = Objects.ConfigMap(name, ns);
        map.Metadata.OwnerReferences = [new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = owner.Metadata.Name, Uid = owner.Metadata.Uid }];
        return map;
    }

    private async Task<bool> ExistsAsync(string name, string ns)
    {
        try
        {
            await Client.CoreV1.ReadNamespacedConfigMapAsync(name, ns, cancellationToken: Ct);
            return true;
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    // The collector is asynchronous, like kube-controller-manager's: poll for the outcome, never for a duration.
    private static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50, Ct);
        }

        Assert.Fail("condition not reached");
    }
}
