using System.Text.Json;
using EmbeddedKubernetes;
using EmbeddedKubernetes.Tests.Support;
using Integration.Support;
using Operator.Cli;

namespace Integration.Manifests;

/// <summary>
/// KEDA's CRDs and our users' example manifests go through the embedded control plane with the real kubectl,
/// and what the cluster hands back is still judged exactly as the original by the operator's validation.
/// </summary>
public sealed class KedaManifestsOnEmbeddedClusterTests : IAsyncLifetime
{
    private EmbeddedCluster _cluster = null!;
    private Kubectl _kubectl = null!;

    public async ValueTask InitializeAsync()
    {
        _cluster = await EmbeddedCluster.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        _kubectl = Kubectl.For(_cluster);
        await KubectlAsync("apply", "-f", Repository.File("deploy", "crds"));
    }

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    [Theory]
    [InlineData("amazon-managed-prometheus.yaml")]
    [InlineData("azure-managed-prometheus.yaml")]
    [InlineData("openshift-triggers.yaml")]
    [InlineData("servicebus-order-processor.yaml")]
    public async Task EveryExample_AppliesAsWrittenToAClusterWithOnlyKedasCrds(string example)
    {
        // A first run: nothing but the CRDs exists, so an example must bring the namespace it uses.
        var applied = await KubectlAsync("apply", "-f", Repository.File("docs", "examples", example));

        Assert.Contains("scaledobject.keda.sh/", applied, StringComparison.Ordinal);
        Assert.DoesNotContain("unchanged", applied, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KubectlGetScaledObjects_PrintsKedaPrinterColumns_ForTheOpenShiftExample()
    {
        await KubectlAsync("apply", "-f", Repository.File("docs", "examples", "openshift-triggers.yaml"));

        var table = await KubectlAsync("get", "so", "-n", "my-namespace");

        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            ["NAME", "SCALETARGETKIND", "SCALETARGETNAME", "MIN", "MAX", "READY", "ACTIVE", "FALLBACK", "PAUSED", "TRIGGERS", "AUTHENTICATIONS", "AGE"],
            lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(
            ["cpu-scaledobject", "kafka-scaledobject", "memory-scaledobject", "prom-scaledobject"],
            lines.Skip(1).Select(line => line.Split(' ', 2)[0]).Order(StringComparer.Ordinal));
        // No operator has written a status yet: SCALETARGETKIND is empty, so the target name is the second word.
        var kafkaRow = lines.Single(line => line.StartsWith("kafka-scaledobject ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("consumer", kafkaRow[1]);
    }

    [Fact]
    public async Task ManifestsReadBackFromTheCluster_ValidateExactlyLikeTheOriginals()
    {
        var original = Repository.File("docs", "examples", "openshift-triggers.yaml");
        await KubectlAsync("apply", "-f", original);
        var readBack = Path.Combine(Path.GetDirectoryName(_cluster.KubeconfigPath)!, "read-back.yaml");
        await File.WriteAllTextAsync(
            readBack,
            await KubectlAsync("get", "scaledobjects,triggerauthentications,secrets,deployments", "-n", "my-namespace", "-o", "yaml"),
            TestContext.Current.CancellationToken);

        var (originalExit, originalReport) = await ValidateAsync(original);
        var (readBackExit, readBackReport) = await ValidateAsync(readBack);

        Assert.Equal(0, originalExit);
        Assert.Equal(0, readBackExit);
        Assert.Equal(Summaries(originalReport), Summaries(readBackReport));
    }

    /// <summary>Runs kubectl and returns stdout; a non-zero exit fails the test with kubectl's stderr.</summary>
    private async Task<string> KubectlAsync(params string[] args) => (await _kubectl.RunAsync(args)).EnsureSuccess().Stdout;

    private static async Task<(int Exit, JsonDocument Report)> ValidateAsync(string path)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await OperatorCli.RunAsync(["validate", "--output", "json", path], stdout, stderr);
        Assert.True(exit is 0 or 1, $"validate {path} exited {exit}: {stderr}");
        return (exit, JsonDocument.Parse(stdout.ToString()));
    }

    /// <summary>Per object: identity, verdict, HPA and trigger metric specs (file positions differ, so they are left out).</summary>
    private static List<string> Summaries(JsonDocument report) =>
        report.RootElement.EnumerateArray()
            .Select(entry => string.Join(
                " | ",
                entry.GetProperty("kind").GetString(),
                entry.GetProperty("namespace").GetString(),
                entry.GetProperty("name").GetString(),
                entry.GetProperty("valid").GetBoolean(),
                entry.GetProperty("hpa").GetRawText(),
                entry.GetProperty("triggers").GetRawText()))
            .Order(StringComparer.Ordinal)
            .ToList();
}
