using k8s;
using Operator.Tests.Support;

namespace Operator.Tests.Controllers;

/// <summary>
/// KEDA's cpu/memory trigger check falls back to the namespace's LimitRange container defaults; the operator watches
/// LimitRanges, so adding one re-validates the namespace's ScaledObjects.
/// </summary>
public sealed class LimitRangeValidationTests(ScalingOperatorFixture fixture) : IClassFixture<ScalingOperatorFixture>
{
    [Fact]
    public async Task CpuTrigger_WithoutRequests_IsRejected_UntilALimitRangeDefaultsCpu()
    {
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateDeploymentAsync(ns, "api", 1);
        await fixture.ApplyAsync(ns, """
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: api-so}
            spec:
              scaleTargetRef: {name: api}
              minReplicaCount: 1
              triggers:
              - type: cpu
                metricType: Utilization
                metadata: {value: "60"}
            """);

        var rejected = await ControlPlaneFixture.EventuallyAsync(
            () => fixture.ScaledObjectAsync(ns, "api-so"), so => ScalingOperatorFixture.Condition(so, "Ready") == "False", "api-so rejected");
        Assert.Contains("doesn't have the cpu request defined", ReadyMessage(rejected), StringComparison.Ordinal);

        await fixture.ApplyAsync(ns, """
            apiVersion: v1
            kind: LimitRange
            metadata: {name: defaults}
            spec:
              limits:
              - type: Container
                defaultRequest: {cpu: 100m}
            """);

        await ControlPlaneFixture.EventuallyAsync(
            () => fixture.ScaledObjectAsync(ns, "api-so"), so => ScalingOperatorFixture.Condition(so, "Ready") == "True",
            "api-so re-validated and Ready once the LimitRange defaults cpu");
        await ControlPlaneFixture.EventuallyAsync(
            () => fixture.Client.AutoscalingV2.ReadNamespacedHorizontalPodAutoscalerAsync("keda-hpa-api-so", ns, cancellationToken: TestContext.Current.CancellationToken),
            hpa => hpa.Spec.Metrics.Single().Resource.Name == "cpu", "the HPA with the cpu Resource metric");
    }

    private static string ReadyMessage(System.Text.Json.JsonElement so) =>
        so.GetProperty("status").GetProperty("conditions").EnumerateArray()
            .Single(c => c.GetProperty("type").GetString() == "Ready").GetProperty("message").GetString() ?? "";
}
