using AppHost.Profiles;
using Integration.Support;
using k8s;
using k8s.Models;

namespace Integration.AppHostProfiles;

public sealed class EmbeddedProfileTests : IAsyncLifetime
{
    private readonly string _state = Directory.CreateTempSubdirectory("apphost-state-").FullName;
    private EmbeddedProfile _profile = null!;
    private k8s.Kubernetes _client = null!;

    public async ValueTask InitializeAsync()
    {
        _profile = await EmbeddedProfile.StartAsync(Repository.Root, _state, TextWriter.Null, TestContext.Current.CancellationToken);
        _client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Path.Combine(_state, "kubeconfig")));
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _profile.DisposeAsync();
        Directory.Delete(_state, recursive: true);
    }

    [Fact]
    public async Task EmbeddedProfile_ServesKedaCrds()
    {
        var ct = TestContext.Current.CancellationToken;

        var crds = await _client.ApiextensionsV1.ListCustomResourceDefinitionAsync(cancellationToken: ct);
        var scaledObjects = await _client.CustomObjects.ListNamespacedCustomObjectAsync("keda.sh", "v1alpha1", "default", "scaledobjects", cancellationToken: ct);

        Assert.Equal(
            ["clustertriggerauthentications.keda.sh", "scaledjobs.keda.sh", "scaledobjects.keda.sh", "triggerauthentications.keda.sh"],
            crds.Items.Select(crd => crd.Metadata.Name).Order(StringComparer.Ordinal));
        Assert.NotNull(scaledObjects);
    }

    [Fact]
    public async Task EmbeddedProfile_DeploymentWhoseImageHasNoLocalProgram_KeepsOnePendingPod()
    {
        var ct = TestContext.Current.CancellationToken;
        var labels = new Dictionary<string, string> { ["app"] = "elsewhere" };
        await _client.AppsV1.CreateNamespacedDeploymentAsync(
            new V1Deployment
            {
                Metadata = new V1ObjectMeta { Name = "elsewhere" },
                Spec = new V1DeploymentSpec
                {
                    Replicas = 1,
                    Selector = new V1LabelSelector { MatchLabels = labels },
                    Template = new V1PodTemplateSpec
                    {
                        Metadata = new V1ObjectMeta { Labels = labels },
                        Spec = new V1PodSpec { Containers = [new V1Container { Name = "app", Image = "example/not-a-local-program:1" }] },
                    },
                },
            },
            "default",
            cancellationToken: ct);

        var waiting = await EventuallyAsync(
            () => _client.CoreV1.ListNamespacedPodAsync("default", labelSelector: "app=elsewhere", cancellationToken: ct),
            pods => pods.Items.Any(pod => pod.Status?.ContainerStatuses?.SingleOrDefault()?.State?.Waiting?.Reason == "ImagePullBackOff"),
            ct);
        var deployment = await EventuallyAsync(
            () => _client.AppsV1.ReadNamespacedDeploymentAsync("elsewhere", "default", cancellationToken: ct),
            d => d.Status?.ObservedGeneration == d.Metadata.Generation && d.Status?.Replicas == 1,
            ct);
        var pods = await _client.CoreV1.ListNamespacedPodAsync("default", labelSelector: "app=elsewhere", cancellationToken: ct);

        var pod = Assert.Single(pods.Items);
        Assert.Equal("Pending", pod.Status.Phase);
        Assert.Equal(0, deployment.Status.ReadyReplicas ?? 0);
        Assert.Single(waiting.Items);
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, CancellationToken ct)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
        patience.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), patience.Token);
        }
    }
}
