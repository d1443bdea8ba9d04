using System.Text.Json.Nodes;
using EmbeddedKubernetes.Tests.Support;
using k8s;

namespace EmbeddedKubernetes.Tests.Conformance;

/// <summary>The real kubectl 1.32 as a second, independent client: default validation, apply, get, patch, scale, delete, wait, watch.</summary>
public sealed class KubectlTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private const string Manifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels: {app: web, tier: front}
        spec:
          replicas: 2
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: nginx:1.27
                env:
                - {name: A, value: "1"}
                - {name: B, value: "2"}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector: {app: web}
          ports:
          - port: 80
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Apply_CreatesThenConfigures_WithDefaultValidation()
    {
        var (kubectl, ns) = await SetUpAsync();

        var created = await kubectl.RunWithInputAsync(Manifest, "apply", "-n", ns, "-f", "-");
        var configured = await kubectl.RunWithInputAsync(Manifest.Replace("replicas: 2", "replicas: 3", StringComparison.Ordinal), "apply", "-n", ns, "-f", "-");

        Assert.Contains("deployment.apps/web created", created.EnsureSuccess().Stdout, StringComparison.Ordinal);
        Assert.Contains("deployment.apps/web configured", configured.EnsureSuccess().Stdout, StringComparison.Ordinal);
        Assert.Contains("service/web unchanged", configured.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, (await GetJsonAsync(kubectl, ns, "deployment/web"))["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public async Task Get_Wide_PrintsServerSideColumns()
    {
        var (kubectl, ns) = await SetUpAsync();
        await kubectl.RunWithInputAsync(Manifest, "apply", "-n", ns, "-f", "-");

        var wide = (await kubectl.RunAsync("get", "deploy,svc", "-n", ns, "-o", "wide")).EnsureSuccess().Stdout;

        Assert.Contains("READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR", wide, StringComparison.Ordinal);
        Assert.Contains("deployment.apps/web   0/2", wide, StringComparison.Ordinal);
        Assert.Contains("80/TCP", wide, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Yaml_RoundTripsTheObject()
    {
        var (kubectl, ns) = await SetUpAsync();
        await kubectl.RunWithInputAsync(Manifest, "apply", "-n", ns, "-f", "-");

        var yaml = (await kubectl.RunAsync("get", "deployment", "web", "-n", ns, "-o", "yaml")).EnsureSuccess().Stdout;

        Assert.Contains("kind: Deployment", yaml, StringComparison.Ordinal);
        Assert.Contains("image: nginx:1.27", yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tier=front", true)]
    [InlineData("tier!=front", false)]
    [InlineData("tier in (front,back)", true)]
    [InlineData("!tier", false)]
    public async Task Get_WithLabelSelector_Filters(string selector, bool found)
    {
        var (kubectl, ns) = await SetUpAsync();
        await kubectl.RunWithInputAsync(Manifest, "apply", "-n", ns, "-f", "-");

        var output = (await kubectl.RunAsync("get", "deploy", "-n", ns, "-l", selector, "-o", "name")).EnsureSuccess().Stdout;

        Assert.Equal(found, output.Contains("deployment.apps/web", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Patch_MergeJsonAndStrategic_AllApply()
    {
        var (kubectl, ns) = await SetUpAsync();
        await kubectl.RunWithInputAsync(Manifest, "apply", "-n", ns, "-f", "-");

        (await kubectl.RunAsync("patch", "deploy", "web", "-n", ns, "--type", "merge", "-p", "{\"spec\":{\"replicas\":4}}")).EnsureSuccess();
        (await kubectl.RunAsync("patch", "deploy", "web", "-n", ns, "--type", "json", "-p", "[{\"op\":\"add\",\"path\":\"/metadata/labels/patched\",\"value\":\"json\"}]")).EnsureSuccess();
        (await kubectl.RunAsync("patch", "deploy", "web", "-n", ns, "--type", "strategic", "-p",
            "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\",\"env\":[{\"name\":\"B\",\"value\":\"3\"}]}]}}}}")).EnsureSuccess();

        var deployment = await GetJsonAsync(kubectl, ns, "deployment/web");
        Assert.Equal(4, deployment["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal("json", deployment["metadata"]!["labels"]!["patched"]!.GetValue<string>());
        var env = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray();
        Assert.Equal(["A=1", "B=3"], env.Select(e => $"{e!["name"]}={e["value"]}"));
    }

    [Fact]
    public async Task Scale_WritesReplicasThroughTheScaleSubresource()
    {
        var (kubectl, ns) = await SetUpAsync();
        await kubectl.RunWithInputAsync(Manifest, "apply", "-n", ns, "-f", "-");

        (await kubectl.RunAsync("scale", "deploy/web", "-n", ns, "--replicas", "5")).EnsureSuccess();

        var deployment = await GetJsonAsync(kubectl, ns, "deployment/web");
        Assert.Equal(5, deployment["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal(2, deployment["metadata"]!["generation"]!.GetValue<int>());
    }

    [Fact]
    public async Task Delete_WaitsUntilGone_AndWaitForDeleteReturns()
    {
        var (kubectl, ns) = await SetUpAsync();
        await kubectl.RunWithInputAsync(Manifest, "apply", "-n", ns, "-f", "-");

        (await kubectl.RunAsync("delete", "deploy/web", "-n", ns, "--wait=true", "--timeout=20s")).EnsureSuccess();
        var wait = await kubectl.RunAsync("wait", "--for=delete", "deploy/web", "-n", ns, "--timeout=5s");
        var get = await kubectl.RunAsync("get", "deploy/web", "-n", ns);

        Assert.Equal(0, wait.ExitCode);
        Assert.Contains("NotFound", get.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_ForCondition_SeesAStatusWrite()
    {
        var (kubectl, ns) = await SetUpAsync();
        await kubectl.RunWithInputAsync(Manifest, "apply", "-n", ns, "-f", "-");
        var waiting = kubectl.RunAsync("wait", "--for=condition=Available", "deploy/web", "-n", ns, "--timeout=30s");

        var status = new k8s.Models.V1Patch("{\"status\":{\"conditions\":[{\"type\":\"Available\",\"status\":\"True\",\"reason\":\"MinimumReplicasAvailable\"}]}}", k8s.Models.V1Patch.PatchType.MergePatch);
        await Task.Delay(500, Ct);
        await fixture.Client.AppsV1.PatchNamespacedDeploymentStatusAsync(status, "web", ns, cancellationToken: Ct);

        Assert.Contains("condition met", (await waiting).EnsureSuccess().Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetWatch_PrintsObjectsCreatedWhileWatching()
    {
        var (kubectl, ns) = await SetUpAsync();
        var watching = kubectl.RunAsync("get", "configmaps", "-n", ns, "--watch", "--request-timeout=4s");
        await Task.Delay(1500, Ct);

        await fixture.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("watched", ns), ns, cancellationToken: Ct);

        var output = (await watching).Stdout;
        Assert.Contains("watched", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyServerSide_CreatesAndReportsConflictsWithOtherManagers()
    {
        var (kubectl, ns) = await SetUpAsync();
        var first = await kubectl.RunWithInputAsync(Manifest, "apply", "--server-side", "-n", ns, "-f", "-");
        var conflicting = await kubectl.RunWithInputAsync(Manifest.Replace("replicas: 2", "replicas: 7", StringComparison.Ordinal),
            "apply", "--server-side", "--field-manager", "other", "-n", ns, "-f", "-");
        var forced = await kubectl.RunWithInputAsync(Manifest.Replace("replicas: 2", "replicas: 7", StringComparison.Ordinal),
            "apply", "--server-side", "--field-manager", "other", "--force-conflicts", "-n", ns, "-f", "-");

        Assert.Contains("serverside-applied", first.EnsureSuccess().Stdout, StringComparison.Ordinal);
        Assert.NotEqual(0, conflicting.ExitCode);
        Assert.Contains("conflict with \"kubectl\"", conflicting.Stderr, StringComparison.Ordinal);
        forced.EnsureSuccess();
        Assert.Equal(7, (await GetJsonAsync(kubectl, ns, "deployment/web"))["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public async Task GetScaledObjectsAndHpas_PrintsKedaPrinterColumns()
    {
        var (kubectl, ns) = await SetUpAsync();
        (await kubectl.RunAsync("apply", "-f", Path.Combine(RepositoryFiles.Root(), "deploy", "crds"))).EnsureSuccess();
        const string Resources = """
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: web}
            spec:
              scaleTargetRef: {name: web}
              minReplicaCount: 0
              maxReplicaCount: 10
              triggers:
              - type: prometheus
                metadata: {serverAddress: "http://prometheus:9090", query: "sum(x)", threshold: "5"}
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: keda-hpa-web}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 1
              maxReplicas: 10
              metrics:
              - type: External
                external:
                  metric: {name: s0-prometheus}
                  target: {type: AverageValue, averageValue: "5"}
            """;
        (await kubectl.RunWithInputAsync(Resources, "apply", "-n", ns, "-f", "-")).EnsureSuccess();

        var output = (await kubectl.RunAsync("get", "so,hpa", "-n", ns)).EnsureSuccess().Stdout;

        Assert.Contains("SCALETARGETKIND   SCALETARGETNAME   MIN   MAX   READY   ACTIVE   FALLBACK   PAUSED   TRIGGERS   AUTHENTICATIONS   AGE", output, StringComparison.Ordinal);
        Assert.Contains("REFERENCE        TARGETS             MINPODS   MAXPODS   REPLICAS   AGE", output, StringComparison.Ordinal);
        Assert.Contains("Deployment/web   <unknown>/5 (avg)   1         10", output, StringComparison.Ordinal);
    }

    private async Task<(Kubectl Kubectl, string Namespace)> SetUpAsync()
    {
        var kubectl = Kubectl.For(fixture.Cluster);
        return (kubectl, await fixture.NamespaceAsync(Ct));
    }

    private static async Task<JsonObject> GetJsonAsync(Kubectl kubectl, string ns, string resource)
    {
        var json = (await kubectl.RunAsync("get", resource, "-n", ns, "-o", "json")).EnsureSuccess().Stdout;
        return JsonNode.Parse(json)!.AsObject();
    }
}
