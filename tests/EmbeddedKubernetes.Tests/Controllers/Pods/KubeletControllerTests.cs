using System.Text;
using EmbeddedKubernetes.Tests.Support;
using k8s;
using k8s.Models;

namespace EmbeddedKubernetes.Tests.Controllers.Pods;

/// <summary>The embedded kubelet with process pods: graceful termination and env from Secrets and ConfigMaps.</summary>
public sealed class KubeletControllerTests(ProcessClusterFixture fixture) : IClassFixture<ProcessClusterFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task DeletePod_StaysTerminatingUntilItsSigtermHandlerFinished()
    {
        using var client = fixture.Cluster.CreateClient();
        var ns = await NamespaceAsync(client);
        var output = Path.Combine(Path.GetTempPath(), $"kubelet-sigterm-{Guid.NewGuid():N}.txt");
        var script = $"trap 'sleep 2; echo drained > {output}; exit 0' TERM; touch {output}.ready; while true; do sleep 0.1; done";
        await client.CoreV1.CreateNamespacedPodAsync(Pod("worker", script), ns, cancellationToken: Ct);
        await EventuallyAsync(() => Task.FromResult(File.Exists(output + ".ready")));

        await client.CoreV1.DeleteNamespacedPodAsync("worker", ns, cancellationToken: Ct);
        var terminating = await client.CoreV1.ReadNamespacedPodAsync("worker", ns, cancellationToken: Ct);
        await EventuallyAsync(async () => (await client.CoreV1.ListNamespacedPodAsync(ns, cancellationToken: Ct)).Items.Count == 0);

        Assert.NotNull(terminating.Metadata.DeletionTimestamp);
        Assert.Equal(30, terminating.Metadata.DeletionGracePeriodSeconds);
        Assert.Equal("drained", (await File.ReadAllTextAsync(output, Ct)).Trim());
        File.Delete(output);
        File.Delete(output + ".ready");
    }

    [Fact]
    public async Task DeletePod_WithGracePeriodZero_IsRemovedAtOnce()
    {
        using var client = fixture.Cluster.CreateClient();
        var ns = await NamespaceAsync(client);
        await client.CoreV1.CreateNamespacedPodAsync(Pod("quick", "trap '' TERM; while true; do sleep 0.1; done"), ns, cancellationToken: Ct);

        await client.CoreV1.DeleteNamespacedPodAsync("quick", ns, gracePeriodSeconds: 0, cancellationToken: Ct);

        Assert.Empty((await client.CoreV1.ListNamespacedPodAsync(ns, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task StartPod_ResolvesEnvFromSecretsAndConfigMaps()
    {
        using var client = fixture.Cluster.CreateClient();
        var ns = await NamespaceAsync(client);
        var output = Path.Combine(Path.GetTempPath(), $"kubelet-env-{Guid.NewGuid():N}.txt");
        await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "creds" },
            Data = new Dictionary<string, byte[]> { ["password"] = Encoding.UTF8.GetBytes("s3cret"), ["user"] = Encoding.UTF8.GetBytes("alice") },
        }, ns, cancellationToken: Ct);
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "settings" },
            Data = new Dictionary<string, string> { ["queue"] = "orders", ["mode"] = "fast" },
        }, ns, cancellationToken: Ct);
        var pod = Pod("env", $"echo \"$PASSWORD|$QUEUE|$CFG_mode|$user|${{MISSING-unset}}|$OVERRIDE\" > {output}", "Never");
        pod.Spec.Containers[0].EnvFrom =
        [
            new V1EnvFromSource { ConfigMapRef = new V1ConfigMapEnvSource { Name = "settings" }, Prefix = "CFG_" },
            new V1EnvFromSource { SecretRef = new V1SecretEnvSource { Name = "creds" } },
            new V1EnvFromSource { SecretRef = new V1SecretEnvSource { Name = "absent", Optional = true } },
        ];
        pod.Spec.Containers[0].Env =
        [
            new V1EnvVar { Name = "PASSWORD", ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = "creds", Key = "password" } } },
            new V1EnvVar { Name = "QUEUE", ValueFrom = new V1EnvVarSource { ConfigMapKeyRef = new V1ConfigMapKeySelector { Name = "settings", Key = "queue" } } },
            new V1EnvVar { Name = "MISSING", ValueFrom = new V1EnvVarSource { ConfigMapKeyRef = new V1ConfigMapKeySelector { Name = "settings", Key = "nope", Optional = true } } },
            new V1EnvVar { Name = "OVERRIDE", Value = "plain" },
        ];

        await client.CoreV1.CreateNamespacedPodAsync(pod, ns, cancellationToken: Ct);
        await EventuallyAsync(async () => (await client.CoreV1.ReadNamespacedPodAsync("env", ns, cancellationToken: Ct)).Status?.Phase == "Succeeded");

        Assert.Equal("s3cret|orders|fast|alice|unset|plain", (await File.ReadAllTextAsync(output, Ct)).Trim());
        File.Delete(output);
    }

    [Fact]
    public async Task StartPod_MissingSecretKey_WaitsInCreateContainerConfigError()
    {
        using var client = fixture.Cluster.CreateClient();
        var ns = await NamespaceAsync(client);
        var pod = Pod("unconfigured", "exit 0", "Never");
        pod.Spec.Containers[0].Env =
        [
            new V1EnvVar { Name = "TOKEN", ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = "missing", Key = "token" } } },
        ];

        await client.CoreV1.CreateNamespacedPodAsync(pod, ns, cancellationToken: Ct);
        V1ContainerStateWaiting? waiting = null;
        await EventuallyAsync(async () =>
        {
            var current = await client.CoreV1.ReadNamespacedPodAsync("unconfigured", ns, cancellationToken: Ct);
            waiting = current.Status?.ContainerStatuses?.FirstOrDefault()?.State?.Waiting;
            return waiting is not null && waiting.Reason == "CreateContainerConfigError";
        });

        Assert.Equal("secret \"missing\" not found", waiting!.Message);
        Assert.Equal("Pending", (await client.CoreV1.ReadNamespacedPodAsync("unconfigured", ns, cancellationToken: Ct)).Status.Phase);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static V1Pod Pod(string name, string script, string restartPolicy = "Always") => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1PodSpec
        {
            RestartPolicy = restartPolicy,
            Containers = [new V1Container { Name = "main", Image = "busybox", Command = ["/bin/sh", "-c", script] }],
        },
    };

    private static async Task<string> NamespaceAsync(k8s.Kubernetes client)
    {
        var ns = "kubelet-" + Guid.NewGuid().ToString("N")[..8];
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } }, cancellationToken: Ct);
        return ns;
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(Patience);
        while (!await condition())
        {
            await Task.Delay(100, timeout.Token);
        }
    }
}
