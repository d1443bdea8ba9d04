using k8s;
using Microsoft.Extensions.DependencyInjection;
using Operator.Cli;
using Operator.Decisions;
using Operator.Tests.Adapter;
using Operator.Tests.Hosting;
using Operator.Tests.Support;

namespace Operator.Tests.Cli;

/// <summary><c>explain</c> against the embedded control plane and a running operator it finds through its APIService.</summary>
public sealed class ExplainCommandTests(ControlPlaneFixture fixture) : IClassFixture<ControlPlaneFixture>
{
    private const string ScaledObjectYaml = """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: orders, namespace: default}
        spec:
          scaleTargetRef: {name: order-processor}
          triggers:
          - type: prometheus
            metadata: {serverAddress: "http://prometheus:9090", query: "sum(x)", threshold: "10", activationThreshold: "0.5"}
        """;

    [Fact]
    public async Task Explain_PrintsTheStatusAndTheOperatorsDecisionsInPlainWords()
    {
        var ct = TestContext.Current.CancellationToken;
        (await fixture.Kubectl.RunAsync("apply", "-f", Path.Combine(RepositoryPaths.Root, "deploy", "crds"))).EnsureSuccess();
        (await fixture.Kubectl.RunWithInputAsync(ScaledObjectYaml, "apply", "-f", "-")).EnsureSuccess();
        await using var host = await OperatorEndpointsHost.StartAsync(new TableMetricsSource(), fixture.Client, o => o.RegisterApiService = true);
        host.Services.GetRequiredService<IDecisionLog>().Record("default", "orders", new DecisionRecord
        {
            Time = new DateTimeOffset(2026, 1, 1, 12, 0, 3, TimeSpan.Zero),
            IsActive = true,
            Rule = DecisionRules.Activation,
            Summary = "activated",
            ReplicasBefore = 0,
            ReplicasWritten = 1,
            Triggers = [new TriggerObservation { Index = 0, Type = "prometheus", Value = 35, Target = 10, ActivationThreshold = 0.5, IsActive = true }],
        });
        await ControlPlaneFixture.EventuallyAsync(
            () => fixture.Client.ApiregistrationV1.ReadAPIServiceAsync("v1beta1.external.metrics.k8s.io", cancellationToken: ct),
            a => a.Spec.CaBundle is not null, "the operator to register its APIService");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await OperatorCli.RunAsync(["explain", "default/orders", "--kubeconfig", fixture.Cluster.KubeconfigPath], stdout, stderr);

        Assert.True(exit == 0, stderr.ToString());
        var text = stdout.ToString();
        Assert.Contains("ScaledObject default/orders", text, StringComparison.Ordinal);
        Assert.Contains("scaled 0→1 at 12:00:03 because trigger 0 (prometheus) = 35 > activationThreshold 0.5", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_UnknownScaledObject_ExitsOneNamingIt()
    {
        (await fixture.Kubectl.RunAsync("apply", "-f", Path.Combine(RepositoryPaths.Root, "deploy", "crds"))).EnsureSuccess();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await OperatorCli.RunAsync(["explain", "default/missing", "--kubeconfig", fixture.Cluster.KubeconfigPath], stdout, stderr);

        Assert.Equal(1, exit);
        Assert.Contains("scaledobject default/missing not found", stderr.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("orders")]
    [InlineData("default/")]
    public async Task Explain_WithoutNamespaceSlashName_ExitsTwo(string target)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await OperatorCli.RunAsync(["explain", target], stdout, stderr);

        Assert.Equal(2, exit);
        Assert.Contains("NAMESPACE/NAME", stderr.ToString(), StringComparison.Ordinal);
    }
}
