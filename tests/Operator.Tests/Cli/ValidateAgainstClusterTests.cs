using Operator.Tests.Support;

namespace Operator.Tests.Cli;

/// <summary><c>validate --kubeconfig</c> against the embedded control plane: references resolve from the live cluster.</summary>
public sealed class ValidateAgainstClusterTests(ControlPlaneFixture fixture) : IClassFixture<ControlPlaneFixture>
{
    private const string CustomGroup = "validate-cluster-test.example.com";

    private const string SecretValue = "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=c2VjcmV0LXZhbHVl";

    private static string Worker(string ns) => $$"""
        apiVersion: v1
        kind: Secret
        metadata: {name: sb, namespace: {{ns}} }
        stringData: {conn: "{{SecretValue}}"}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: worker, namespace: {{ns}} }
        spec:
          selector: {matchLabels: {app: worker} }
          template:
            metadata: {labels: {app: worker} }
            spec:
              containers:
              - name: worker
                image: example/worker:1
                env:
                - {name: SB_CONN, valueFrom: {secretKeyRef: {name: sb, key: conn} } }
        """;

    private static string ScaledObject(string ns, string target, string? authRef = null) => $$"""
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: worker, namespace: {{ns}} }
        spec:
          scaleTargetRef: {name: {{target}}}
          triggers:
          - type: azure-servicebus
            metadata: {queueName: jobs, connectionFromEnv: SB_CONN}
        {{(authRef is null ? "" : $"    authenticationRef: {{name: {authRef}}}")}}
        """;

    private static string CustomTarget(string ns, string kind) => $$"""
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: prickly, namespace: {{ns}} }
        spec:
          scaleTargetRef: {apiVersion: {{CustomGroup}}/v1, kind: {{kind}}, name: prickly}
          triggers:
          - type: cron
            metadata: {timezone: Etc/UTC, start: "0 8 * * *", end: "0 18 * * *", desiredReplicas: "2"}
        """;

    [Fact]
    public async Task Validate_WithKubeconfig_ResolvesTheTargetAndItsSecretEnvFromTheCluster()
    {
        var ns = await NewNamespaceAsync();
        (await fixture.Kubectl.RunWithInputAsync(Worker(ns), "apply", "-f", "-")).EnsureSuccess();

        var run = await ValidateAsync(ScaledObject(ns, "worker"));

        Assert.Equal(0, run.ExitCode);
        var report = run.Report("worker");
        Assert.True(report.Valid, string.Join("; ", report.Errors));
        Assert.DoesNotContain(report.Warnings, w => w.Contains("not checked", StringComparison.Ordinal));
        Assert.DoesNotContain("c2VjcmV0LXZhbHVl", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_WithKubeconfig_AScaleTargetAbsentFromTheClusterIsAnError()
    {
        var ns = await NewNamespaceAsync();

        var run = await ValidateAsync(ScaledObject(ns, "absent"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"Target resource doesn't exist: deployments.apps \"absent\" not found in namespace \"{ns}\"", run.Report("worker").Errors);
    }

    [Fact]
    public async Task Validate_WithKubeconfig_ATriggerAuthenticationAbsentFromTheClusterIsAnError()
    {
        (await fixture.Kubectl.RunAsync("apply", "-f", Path.Combine(RepositoryPaths.Root, "deploy", "crds"))).EnsureSuccess();
        var ns = await NewNamespaceAsync();
        (await fixture.Kubectl.RunWithInputAsync(Worker(ns), "apply", "-f", "-")).EnsureSuccess();

        var run = await ValidateAsync(ScaledObject(ns, "worker", authRef: "absent-auth"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.Report("worker").Errors,
            e => e.Contains($"error getting triggerAuth: triggerauthentications.keda.sh \"absent-auth\" not found in namespace \"{ns}\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_WithKubeconfig_ObjectsOfTheInputApplyOverTheCluster()
    {
        var ns = await NewNamespaceAsync();

        var run = await ValidateAsync(Worker(ns) + "\n---\n" + ScaledObject(ns, "worker"));

        Assert.Equal(0, run.ExitCode);
        Assert.True(run.Report("worker").Valid, string.Join("; ", run.Report("worker").Errors));
    }

    [Fact]
    public async Task Validate_WithKubeconfig_MapsACustomKindThroughTheClustersDiscovery_ToItsServedPlural()
    {
        (await fixture.Kubectl.RunWithInputAsync(ScalableCrd.Yaml("cacti", "cactus", "Cactus", CustomGroup), "apply", "-f", "-")).EnsureSuccess();
        var ns = await NewNamespaceAsync();

        var run = await ValidateAsync(CustomTarget(ns, "Cactus"));

        Assert.Equal(0, run.ExitCode);
        var report = run.Report("prickly");
        Assert.True(report.Valid, string.Join("; ", report.Errors));
        Assert.Equal((CustomGroup, "v1", "Cactus", "cacti"),
            (report.ScaleTargetGvkr!.Group, report.ScaleTargetGvkr.Version, report.ScaleTargetGvkr.Kind, report.ScaleTargetGvkr.Resource));
        Assert.DoesNotContain(report.Warnings, w => w.Contains("is a guess", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Warnings, w => w.Contains("offline", StringComparison.Ordinal));
        Assert.Contains(report.Warnings, w => w.Contains("its pod template is not read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_WithKubeconfig_AKindTheClusterDoesNotServe_IsKedasNoMatchError_NotAGuess()
    {
        var ns = await NewNamespaceAsync();

        var run = await ValidateAsync(CustomTarget(ns, "Gizmo"));

        Assert.Equal(1, run.ExitCode);
        var report = run.Report("prickly");
        Assert.Contains($"no matches for kind \"Gizmo\" in version \"{CustomGroup}/v1\"", report.Errors);
        Assert.Null(report.ScaleTargetGvkr);
    }

    [Fact]
    public async Task Validate_WithKubeconfig_AKindTheClusterDoesNotServeButACrdOfTheInputDefines_TakesThePluralOfTheCrd()
    {
        var ns = await NewNamespaceAsync();

        var run = await ValidateAsync(ScalableCrd.Yaml("fungi", "fungus", "Fungus", CustomGroup) + "\n---\n" + CustomTarget(ns, "Fungus"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("fungi", run.Report("prickly").ScaleTargetGvkr!.Resource);
    }

    [Fact]
    public async Task Validate_WithAKubeconfigThatCannotBeRead_ExitsTwoNamingIt()
    {
        var run = await CliRun.RunAsync("validate", "--kubeconfig", "/nonexistent/kubeconfig", RepositoryPaths.Example("openshift-triggers.yaml"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot read the cluster of /nonexistent/kubeconfig", run.Stderr, StringComparison.Ordinal);
    }

    private async Task<string> NewNamespaceAsync()
    {
        var ns = "validate-" + Guid.NewGuid().ToString("N")[..8];
        (await fixture.Kubectl.RunWithInputAsync($"apiVersion: v1\nkind: Namespace\nmetadata: {{name: {ns}}}\n", "apply", "-f", "-")).EnsureSuccess();
        return ns;
    }

    private async Task<CliRun> ValidateAsync(string yaml)
    {
        var file = Path.Combine(Path.GetTempPath(), $"validate-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, yaml, TestContext.Current.CancellationToken);
        try
        {
            return await CliRun.RunAsync("validate", "--output", "json", "--kubeconfig", fixture.Cluster.KubeconfigPath, file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
