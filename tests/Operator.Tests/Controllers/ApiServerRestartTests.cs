using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Operator.Tests.Support;

namespace Operator.Tests.Controllers;

/// <summary>
/// The running operator across an API-server restart: the embedded control plane's listener stops (watches and
/// connections end, connections are refused) and starts again on the same port with the same store. The operator
/// logs and backs off meanwhile, and afterwards reconciles new and changed ScaledObjects. Leader election is off here;
/// the lease across a restart is <c>Leadership/LeaseLeaderElectionTests</c>.
/// </summary>
public sealed class ApiServerRestartTests(LoggedOperatorFixture fixture) : IClassFixture<LoggedOperatorFixture>
{
    [Fact]
    public async Task Operator_LogsAndKeepsRunning_WhileApiServerIsDown_ThenReconcilesNewAndChangedScaledObjects()
    {
        var ct = TestContext.Current.CancellationToken;
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateDeploymentAsync(ns, "before", 0);
        await fixture.ApplyAsync(ns, CronScaledObject("before-so", "before", maxReplicas: 4));
        await EventuallyReadyAsync(ns, "before-so");
        await fixture.EventuallyReplicasAsync(ns, "before", r => r == 1, "the first target scaled 0→1 before the restart");
        var lifetime = fixture.OperatorServices.GetRequiredService<IHostApplicationLifetime>();
        var logs = fixture.Logs;
        logs.Clear();

        await fixture.Cluster.StopServingAsync(ct);
        try
        {
            // Down long enough for the informers to fail and back off more than once.
            await ControlPlaneFixture.EventuallyAsync(
                () => Task.FromResult(logs.GetSnapshot().Count(IsScaledObjectInformerFailure)),
                failures => failures >= 3, "the ScaledObject informer logging three failed attempts while the API server is down");
        }
        finally
        {
            await fixture.Cluster.StartServingAsync(ct);
        }

        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested, "the operator stopped while the API server was down");
        Assert.All(logs.GetSnapshot().Where(IsScaledObjectInformerFailure), r => Assert.Equal(LogLevel.Warning, r.Level));
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Level == LogLevel.Critical);

        await fixture.CreateDeploymentAsync(ns, "after", 0);
        await fixture.ApplyAsync(ns, CronScaledObject("after-so", "after", maxReplicas: 3));
        await EventuallyReadyAsync(ns, "after-so");
        await fixture.EventuallyReplicasAsync(ns, "after", r => r == 1, "the new target scaled 0→1 after the restart");
        var created = await ControlPlaneFixture.EventuallyAsync(
            () => fixture.Client.AutoscalingV2.ReadNamespacedHorizontalPodAutoscalerAsync("keda-hpa-after-so", ns, cancellationToken: ct),
            hpa => hpa.Spec.MaxReplicas == 3, "the HPA of the ScaledObject created after the restart");
        Assert.Equal("after", created.Spec.ScaleTargetRef.Name);

        await fixture.PatchScaledObjectSpecAsync(ns, "before-so", """{"maxReplicaCount": 7}""");

        await ControlPlaneFixture.EventuallyAsync(
            () => fixture.Client.AutoscalingV2.ReadNamespacedHorizontalPodAutoscalerAsync("keda-hpa-before-so", ns, cancellationToken: ct),
            hpa => hpa.Spec.MaxReplicas == 7, "the existing ScaledObject's change applied to its HPA after the restart");
    }

    private static bool IsScaledObjectInformerFailure(Microsoft.Extensions.Logging.Testing.FakeLogRecord record) =>
        record.Message.StartsWith("Informer for scaledobjects.keda.sh failed", StringComparison.Ordinal);

    private Task<System.Text.Json.JsonElement> EventuallyReadyAsync(string ns, string name) => ControlPlaneFixture.EventuallyAsync(
        () => fixture.ScaledObjectAsync(ns, name), so => ScalingOperatorFixture.Condition(so, "Ready") == "True", $"{name} Ready");

    private static string CronScaledObject(string name, string target, int maxReplicas) => $$"""
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: {{name}}}
        spec:
          scaleTargetRef: {name: {{target}}}
          pollingInterval: 1
          maxReplicaCount: {{maxReplicas}}
          triggers:
          - type: cron
            metadata: {timezone: Etc/UTC, start: "0 0 * * *", end: "59 23 * * *", desiredReplicas: "1"}
        """;
}
