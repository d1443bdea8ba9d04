using System.Text.Json.Nodes;
using EmbeddedKubernetes.Tests.Support;

namespace EmbeddedKubernetes.Tests.Conformance;

/// <summary>kubectl's imperative generators, which send protobuf bodies, against the control plane; then get of each.</summary>
public sealed class KubectlCreateTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateNamespace_IsServed_AndListed()
    {
        var kubectl = Kubectl.For(fixture.Cluster);
        var name = "ns-" + Guid.NewGuid().ToString("N")[..8];

        var created = await kubectl.RunAsync("create", "namespace", name);
        var listed = await kubectl.RunAsync("get", "namespace", name);

        Assert.Contains($"namespace/{name} created", created.EnsureSuccess().Stdout, StringComparison.Ordinal);
        Assert.Contains("Active", listed.EnsureSuccess().Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateConfigMapFromLiteral_AndSecretGeneric_StoreTheGivenValues()
    {
        var (kubectl, ns) = await SetUpAsync();

        (await kubectl.RunAsync("create", "configmap", "settings", "-n", ns, "--from-literal=mode=fast", "--from-literal=retries=3")).EnsureSuccess();
        (await kubectl.RunAsync("create", "secret", "generic", "creds", "-n", ns, "--from-literal=password=hunter2")).EnsureSuccess();
        var configMap = await GetJsonAsync(kubectl, ns, "configmap/settings");
        var secret = await GetJsonAsync(kubectl, ns, "secret/creds");

        Assert.Equal("""{"mode":"fast","retries":"3"}""", configMap["data"]!.ToJsonString());
        Assert.Equal("Opaque", secret["type"]!.GetValue<string>());
        Assert.Equal("hunter2", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(secret["data"]!["password"]!.GetValue<string>())));
    }

    [Fact]
    public async Task CreateDeployment_WithImageAndReplicas_KeepsThem()
    {
        var (kubectl, ns) = await SetUpAsync();

        (await kubectl.RunAsync("create", "deployment", "web", "-n", ns, "--image=nginx:1.27", "--replicas=3")).EnsureSuccess();
        var deployment = await GetJsonAsync(kubectl, ns, "deployment/web");

        Assert.Equal(3, deployment["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal("nginx:1.27", deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>());
        Assert.Equal("web", deployment["spec"]!["selector"]!["matchLabels"]!["app"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateDeployment_WithZeroReplicas_KeepsZero()
    {
        var (kubectl, ns) = await SetUpAsync();

        (await kubectl.RunAsync("create", "deployment", "idle", "-n", ns, "--image=nginx", "--replicas=0")).EnsureSuccess();

        Assert.Equal(0, (await GetJsonAsync(kubectl, ns, "deployment/idle"))["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public async Task CreateJob_WithACommand_StoresTheCommand()
    {
        var (kubectl, ns) = await SetUpAsync();

        (await kubectl.RunAsync("create", "job", "once", "-n", ns, "--image=busybox", "--", "echo", "hello")).EnsureSuccess();
        var container = (await GetJsonAsync(kubectl, ns, "job/once"))["spec"]!["template"]!["spec"]!["containers"]![0]!;

        Assert.Equal("""["echo","hello"]""", container["command"]!.ToJsonString());
        Assert.Equal("busybox", container["image"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateRoleAndRoleBinding_AreStored_AndPrintTheirColumns()
    {
        var (kubectl, ns) = await SetUpAsync();

        (await kubectl.RunAsync("create", "role", "reader", "-n", ns, "--verb=get,list", "--resource=pods")).EnsureSuccess();
        (await kubectl.RunAsync("create", "rolebinding", "reader-bob", "-n", ns, "--role=reader", "--user=bob")).EnsureSuccess();
        var role = await GetJsonAsync(kubectl, ns, "role/reader");
        var table = (await kubectl.RunAsync("get", "rolebinding", "-n", ns, "-o", "wide")).EnsureSuccess().Stdout;

        Assert.Equal("""["get","list"]""", role["rules"]![0]!["verbs"]!.ToJsonString());
        Assert.Equal("""["pods"]""", role["rules"]![0]!["resources"]!.ToJsonString());
        Assert.Contains("reader-bob   Role/reader", table, StringComparison.Ordinal);
        Assert.Contains("bob", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Autoscale_CreatesAnAutoscalingV1Hpa_StoredAsV2()
    {
        var (kubectl, ns) = await SetUpAsync();
        (await kubectl.RunAsync("create", "deployment", "web", "-n", ns, "--image=nginx")).EnsureSuccess();

        (await kubectl.RunAsync("autoscale", "deployment", "web", "-n", ns, "--min=2", "--max=5", "--cpu-percent=60")).EnsureSuccess();
        var v2 = await GetJsonAsync(kubectl, ns, "hpa/web");
        var v1 = JsonNode.Parse((await kubectl.RunAsync("get", "--raw", $"/apis/autoscaling/v1/namespaces/{ns}/horizontalpodautoscalers/web")).EnsureSuccess().Stdout)!;
        var table = (await kubectl.RunAsync("get", "hpa", "web", "-n", ns)).EnsureSuccess().Stdout;

        Assert.Equal(2, v2["spec"]!["minReplicas"]!.GetValue<int>());
        Assert.Equal(5, v2["spec"]!["maxReplicas"]!.GetValue<int>());
        Assert.Equal(60, v2["spec"]!["metrics"]![0]!["resource"]!["target"]!["averageUtilization"]!.GetValue<int>());
        Assert.Equal(60, v1["spec"]!["targetCPUUtilizationPercentage"]!.GetValue<int>());
        Assert.Contains("Deployment/web", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAndExpose_CreateAPodAndAServiceForIt()
    {
        var (kubectl, ns) = await SetUpAsync();

        (await kubectl.RunAsync("run", "echo", "-n", ns, "--image=nginx", "--port=8080", "--labels=app=echo")).EnsureSuccess();
        (await kubectl.RunAsync("expose", "pod", "echo", "-n", ns, "--port=80", "--target-port=8080")).EnsureSuccess();
        var pod = await GetJsonAsync(kubectl, ns, "pod/echo");
        var service = await GetJsonAsync(kubectl, ns, "service/echo");

        Assert.Equal(8080, pod["spec"]!["containers"]![0]!["ports"]![0]!["containerPort"]!.GetValue<int>());
        Assert.Equal("""{"app":"echo"}""", service["spec"]!["selector"]!.ToJsonString());
        Assert.Equal(80, service["spec"]!["ports"]![0]!["port"]!.GetValue<int>());
        Assert.Equal(8080, service["spec"]!["ports"]![0]!["targetPort"]!.GetValue<int>());
    }

    [Fact]
    public async Task CreateServiceAccount_CronJob_AndPodDisruptionBudget_AreServed()
    {
        var (kubectl, ns) = await SetUpAsync();

        (await kubectl.RunAsync("create", "serviceaccount", "robot", "-n", ns)).EnsureSuccess();
        (await kubectl.RunAsync("create", "cronjob", "nightly", "-n", ns, "--image=busybox", "--schedule=0 3 * * *")).EnsureSuccess();
        (await kubectl.RunAsync("create", "poddisruptionbudget", "keep", "-n", ns, "--selector=app=web", "--min-available=0")).EnsureSuccess();
        var table = (await kubectl.RunAsync("get", "sa/robot", "cronjob/nightly", "pdb/keep", "-n", ns)).EnsureSuccess().Stdout;
        var pdb = await GetJsonAsync(kubectl, ns, "pdb/keep");

        Assert.Contains("0 3 * * *", table, StringComparison.Ordinal);
        Assert.Equal(0, pdb["spec"]!["minAvailable"]!.GetValue<int>());
    }

    [Fact]
    public async Task CreateClusterRoleAndBinding_AreClusterScoped()
    {
        var kubectl = Kubectl.For(fixture.Cluster);
        var name = "viewer-" + Guid.NewGuid().ToString("N")[..8];

        (await kubectl.RunAsync("create", "clusterrole", name, "--verb=get", "--resource=nodes")).EnsureSuccess();
        (await kubectl.RunAsync("create", "clusterrolebinding", name, $"--clusterrole={name}", "--group=ops")).EnsureSuccess();
        var table = (await kubectl.RunAsync("get", "clusterrolebinding", name)).EnsureSuccess().Stdout;

        Assert.Contains($"ClusterRole/{name}", table, StringComparison.Ordinal);
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
