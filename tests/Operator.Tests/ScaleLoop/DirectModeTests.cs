using System.Text.Json;
using EmbeddedKubernetes.Controllers.Pods;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Operator.Hosting;
using Operator.Tests.Cli;
using Operator.Tests.Scalers.Prometheus;
using Operator.Tests.Support;
using static Operator.Tests.Support.ControlPlaneFixture;

namespace Operator.Tests.ScaleLoop;

/// <summary>
/// <c>--scaling-mode direct</c> on the embedded control plane over HTTP: the operator runs the HPA algorithm itself
/// and writes <c>/scale</c>; no HPA exists at any time, so the control plane's HPA controller has nothing to do.
/// </summary>
[Collection(PrometheusServerCollection.Name)]
public sealed partial class DirectModeTests(ControlPlaneFixture fixture, PrometheusServerFixture prometheus) : IClassFixture<ControlPlaneFixture>
{
    // A cron window open all day (the metric is desiredReplicas) and one that is closed (the metric is 1, inactive).
    private const string Open = """{"timezone":"Etc/UTC","start":"0 0 * * *","end":"59 23 * * *","desiredReplicas":"4"}""";
    private const string Closed = """{"timezone":"Etc/UTC","start":"0 0 1 1 *","end":"1 0 1 1 *","desiredReplicas":"4"}""";

    private readonly k8s.Kubernetes _client = fixture.Client;

    [Fact]
    public async Task DirectMode_ScalesZeroToNAndBackToZero_WithNoHpa_AndKubectlShowsTheTruth()
    {
        var ns = await SetUpAsync();
        await CreateDeploymentAsync(ns, "web", 0);
        await CreateScaledObjectAsync(ns, "web-so", "web", CronTrigger(Open),
            """ "pollingInterval": 1, "cooldownPeriod": 1, "maxReplicaCount": 10, "advanced": {"horizontalPodAutoscalerConfig": {"behavior": {"scaleDown": {"stabilizationWindowSeconds": 0}}}} """);
        using var host = await StartOperatorAsync();

        await EventuallyAsync(() => ReplicasAsync(ns, "web"), r => r == 4, "direct mode to scale the Deployment 0→1→4 (cron metric 4, AverageValue target 1)");
        await AssertNoHpaAsync(ns);
        var up = await EventuallyAsync(() => KubectlGetScaledObjectAsync(ns, "web-so"), row => row["READY"] == "True" && row["ACTIVE"] == "True",
            "kubectl get so to show Ready and Active");
        Assert.Equal("web", up["SCALETARGETNAME"]);
        Assert.Equal("cron", up["TRIGGERS"]);
        Assert.False((await ScaledObjectStatusAsync(ns, "web-so")).TryGetProperty("hpaName", out _));

        await PatchTriggerAsync(ns, "web-so", CronTrigger(Closed));

        await EventuallyAsync(() => ReplicasAsync(ns, "web"), r => r == 0, "direct mode down to 1 and KEDA's cooldown to 0");
        await EventuallyAsync(() => KubectlGetScaledObjectAsync(ns, "web-so"), row => row["READY"] == "True" && row["ACTIVE"] == "False",
            "kubectl get so to show Ready and not Active");
        var hpas = (await fixture.Kubectl.RunAsync("get", "hpa", "-n", ns)).EnsureSuccess();
        Assert.Contains("No resources found", hpas.Stdout + hpas.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwitchingToDirectMode_DeletesTheHpaTheScaledObjectOwns()
    {
        var ns = await SetUpAsync();
        await CreateDeploymentAsync(ns, "api", 1);
        await CreateScaledObjectAsync(ns, "api-so", "api", CronTrigger(Open), """ "pollingInterval": 1 """);
        var uid = (await ScaledObjectAsync(ns, "api-so")).GetProperty("metadata").GetProperty("uid").GetString();
        await _client.AutoscalingV2.CreateNamespacedHorizontalPodAutoscalerAsync(LeftoverHpa("api-so", "api", uid!), ns,
            cancellationToken: TestContext.Current.CancellationToken);

        using var host = await StartOperatorAsync();

        await EventuallyAsync(async () => (await _client.AutoscalingV2.ListNamespacedHorizontalPodAutoscalerAsync(ns)).Items.Count,
            count => count == 0, "the HPA owned by the ScaledObject to be deleted");
        await EventuallyAsync(() => ReplicasAsync(ns, "api"), r => r == 4, "direct mode to scale the Deployment to 4");
    }

    [Fact]
    public async Task DirectMode_CpuTrigger_ScalesOnUtilizationFromTheMetricsApi_AndNeverToZero()
    {
        var ns = await SetUpAsync();
        // Each stub pod uses 400m of its 200m request: 200 % against a 50 % target asks for four times the pods.
        await CreateDeploymentAsync(ns, "cruncher", 1, cpuUsage: "400m", cpuRequest: "200m");
        await CreateScaledObjectAsync(ns, "cruncher-so", "cruncher",
            """{"type":"cpu","metricType":"Utilization","metadata":{"value":"50"}}""",
            """ "pollingInterval": 1, "cooldownPeriod": 1, "minReplicaCount": 1, "maxReplicaCount": 4 """);
        using var host = await StartOperatorAsync();

        await EventuallyAsync(() => ReplicasAsync(ns, "cruncher"), r => r == 4, "direct mode to scale 1→4 on CPU utilization");
        await AssertNoHpaAsync(ns);
        var row = await EventuallyAsync(() => KubectlGetScaledObjectAsync(ns, "cruncher-so"), r => r["READY"] == "True", "kubectl get so Ready");
        Assert.Equal("cpu", row["TRIGGERS"]);
    }

    [Fact]
    public async Task DirectMode_ContainerResourceTrigger_MeasuresOnlyTheNamedContainer()
    {
        var ns = await SetUpAsync();
        // main uses 400m of 200m (200 %); with the sidecar's 1000m request the pod as a whole would be at 33 %.
        await CreateDeploymentAsync(ns, "worker", 1, cpuUsage: "400m", cpuRequest: "200m", sidecarCpuRequest: "1000m");
        await CreateScaledObjectAsync(ns, "worker-so", "worker",
            """{"type":"cpu","metricType":"Utilization","metadata":{"value":"50","containerName":"main"}}""",
            """ "pollingInterval": 1, "minReplicaCount": 1, "maxReplicaCount": 4 """);
        using var host = await StartOperatorAsync();

        await EventuallyAsync(() => ReplicasAsync(ns, "worker"), r => r == 4, "direct mode to scale 1→4 on the main container's utilization");
        await AssertNoHpaAsync(ns);
    }

    private async Task<string> SetUpAsync()
    {
        (await fixture.Kubectl.RunAsync("apply", "-f", Path.Combine(RepositoryPaths.Root, "deploy", "crds"))).EnsureSuccess();
        var ns = "direct-" + Guid.NewGuid().ToString("N")[..8];
        await _client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        return ns;
    }

    private async Task<IHost> StartOperatorAsync(Action<OperatorOptions>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IKubernetes>(fixture.Cluster.CreateClient());
        builder.Services.AddOperatorCore(o =>
        {
            o.ScalingMode = ScalingMode.Direct;
            o.DirectCpuInitializationPeriod = TimeSpan.Zero;
            configure?.Invoke(o);
        });
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return host;
    }

    private async Task AssertNoHpaAsync(string ns) =>
        Assert.Empty((await _client.AutoscalingV2.ListNamespacedHorizontalPodAutoscalerAsync(ns, cancellationToken: TestContext.Current.CancellationToken)).Items);

    private async Task CreateDeploymentAsync(
        string ns, string name, int replicas, string? cpuUsage = null, string? cpuRequest = null, string? sidecarCpuRequest = null) =>
        await _client.AppsV1.CreateNamespacedDeploymentAsync(new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = name },
            Spec = new V1DeploymentSpec
            {
                Replicas = replicas,
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta
                    {
                        Labels = new Dictionary<string, string> { ["app"] = name },
                        Annotations = cpuUsage is null ? null : new Dictionary<string, string> { [StubPodOptions.CpuAnnotation] = cpuUsage },
                    },
                    Spec = new V1PodSpec
                    {
                        Containers =
                        [
                            new V1Container
                            {
                                Name = "main",
                                Image = "busybox",
                                Resources = Requests(cpuRequest),
                            },
                            .. sidecarCpuRequest is null ? [] : new[] { new V1Container { Name = "sidecar", Image = "busybox", Resources = Requests(sidecarCpuRequest) } },
                        ],
                    },
                },
            },
        }, ns);

    private static V1ResourceRequirements? Requests(string? cpu) =>
        cpu is null ? null : new V1ResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new(cpu) } };

    private static string CronTrigger(string metadata) => "{\"type\":\"cron\",\"metadata\":" + metadata + "}";

    private async Task CreateScaledObjectAsync(string ns, string name, string target, string trigger, string extraSpec)
    {
        var json = "{\"apiVersion\":\"keda.sh/v1alpha1\",\"kind\":\"ScaledObject\",\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"" + ns
            + "\"},\"spec\":{\"scaleTargetRef\":{\"name\":\"" + target + "\"}," + extraSpec + ",\"triggers\":[" + trigger + "]}}";
        await _client.CustomObjects.CreateNamespacedCustomObjectAsync(JsonDocument.Parse(json).RootElement, "keda.sh", "v1alpha1", ns, "scaledobjects");
    }

    private async Task PatchTriggerAsync(string ns, string name, string trigger)
    {
        var patch = "{\"spec\":{\"triggers\":[" + trigger + "]}}";
        await _client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(patch, V1Patch.PatchType.MergePatch),
            "keda.sh", "v1alpha1", ns, "scaledobjects", name);
    }

    private async Task<int> ReplicasAsync(string ns, string name) =>
        (await _client.AppsV1.ReadNamespacedDeploymentAsync(name, ns)).Spec.Replicas ?? 1;

    private async Task<JsonElement> ScaledObjectAsync(string ns, string name) =>
        JsonSerializer.SerializeToElement(await _client.CustomObjects.GetNamespacedCustomObjectAsync("keda.sh", "v1alpha1", ns, "scaledobjects", name));

    private async Task<JsonElement> ScaledObjectStatusAsync(string ns, string name) =>
        (await ScaledObjectAsync(ns, name)).GetProperty("status");

    /// <summary>One row of <c>kubectl get so</c> as column → cell, cut at the header's column offsets (cells may be empty).</summary>
    private async Task<Dictionary<string, string>> KubectlGetScaledObjectAsync(string ns, string name)
    {
        var lines = (await fixture.Kubectl.RunAsync("get", "so", name, "-n", ns)).EnsureSuccess().Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0];
        var starts = new List<int>();
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i] != ' ' && (i == 0 || header[i - 1] == ' '))
            {
                starts.Add(i);
            }
        }

        var row = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var c = 0; c < starts.Count; c++)
        {
            var end = c + 1 < starts.Count ? starts[c + 1] : int.MaxValue;
            row[header[starts[c]..Math.Min(end, header.Length)].Trim()] = Cell(lines[1], starts[c], end);
        }

        return row;
    }

    private static string Cell(string line, int start, int end) =>
        start >= line.Length ? "" : line[start..Math.Min(end, line.Length)].Trim();

    private static V2HorizontalPodAutoscaler LeftoverHpa(string scaledObject, string target, string uid) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = "keda-hpa-" + scaledObject,
            OwnerReferences =
            [
                new V1OwnerReference { ApiVersion = "keda.sh/v1alpha1", Kind = "ScaledObject", Name = scaledObject, Uid = uid, Controller = true, BlockOwnerDeletion = true },
            ],
        },
        Spec = new V2HorizontalPodAutoscalerSpec
        {
            ScaleTargetRef = new V2CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = target },
            MinReplicas = 1,
            MaxReplicas = 1,
            Metrics = [new V2MetricSpec { Type = "Resource", Resource = new V2ResourceMetricSource { Name = "cpu", Target = new V2MetricTarget { Type = "Utilization", AverageUtilization = 80 } } }],
        },
    };
}
