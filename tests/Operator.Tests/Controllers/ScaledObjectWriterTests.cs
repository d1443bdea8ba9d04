using System.Text.Json;
using k8s;
using k8s.Models;
using Kubernetes.Controller.Events;
using Microsoft.Extensions.Logging.Abstractions;
using Operator.Api;
using Operator.Controllers;
using Operator.Scaling.Status;
using Operator.Tests.Support;

namespace Operator.Tests.Controllers;

public sealed class ScaledObjectWriterTests(ControlPlaneFixture fixture) : IClassFixture<ControlPlaneFixture>, IAsyncLifetime
{
    private const int Rounds = 15;
    private static readonly DateTime Noon = new(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    public async ValueTask InitializeAsync() => await fixture.ApplyKedaCrdsAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task ControllerAndLoopWritingAtOnce_FromTheSameStaleRead_LoseNoField()
    {
        var ns = "w-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new() { Name = ns } }, cancellationToken: Token);
        await fixture.ApplyAsync(ns, """
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: orders}
            spec:
              scaleTargetRef: {name: processor}
              triggers: [{type: cron, metadata: {timezone: Etc/UTC, start: "0 0 * * *", end: "59 23 * * *", desiredReplicas: "1"}}]
            """);
        var controller = NewWriter();
        var loop = NewWriter();
        var created = await ReadAsync(ns);
        await controller.WriteStatusAsync(created, new ScaledObjectStatus { Conditions = ScaledObjectConditions.CreateInitial() }, Token);
        var stale = await ReadAsync(ns);

        await Task.WhenAll(
            Task.Run(
                async () =>
            {
                for (var round = 1; round <= Rounds; round++)
                {
                    var status = ScaledObjectStatusCopy.Of(stale.Status);
                    status.HpaName = $"keda-hpa-{round}";
                    ScaledObjectConditions.Set(status, ConditionTypes.Ready, ConditionStatuses.True, ConditionReasons.ScaledObjectReady, $"round {round}");
                    Assert.True(await controller.WriteStatusAsync(stale, status, Token));
                }
            }, Token),
            Task.Run(
                async () =>
            {
                for (var round = 1; round <= Rounds; round++)
                {
                    var status = ScaledObjectStatusCopy.Of(stale.Status);
                    status.LastActiveTime = Noon.AddSeconds(round);
                    ScaledObjectConditions.Set(status, ConditionTypes.Active, ConditionStatuses.True, ConditionReasons.ScalerActive, $"round {round}");
                    Assert.True(await loop.WriteStatusAsync(stale, status, Token));
                }
            }, Token));

        var written = (await ReadAsync(ns)).Status!;
        Assert.Equal(($"keda-hpa-{Rounds}", Noon.AddSeconds(Rounds)), (written.HpaName, written.LastActiveTime));
        Assert.Equal($"round {Rounds}", ScaledObjectConditions.Find(written.Conditions, ConditionTypes.Ready)!.Message);
        Assert.Equal($"round {Rounds}", ScaledObjectConditions.Find(written.Conditions, ConditionTypes.Active)!.Message);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private ScaledObjectWriter NewWriter() =>
        new(fixture.Client, new EventRecorder(fixture.Client, "keda-operator", TimeProvider.System, NullLogger.Instance));

    private async Task<ScaledObject> ReadAsync(string ns)
    {
        var body = await fixture.Client.CustomObjects.GetNamespacedCustomObjectAsync("keda.sh", "v1alpha1", ns, "scaledobjects", "orders", Token);
        return KedaJson.Deserialize<ScaledObject>((JsonElement)body)!;
    }
}
