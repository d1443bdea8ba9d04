using EmbeddedKubernetes.Tests.Support;
using k8s;
using k8s.Models;

namespace EmbeddedKubernetes.Tests.Tables;

/// <summary><c>kubectl get events</c> prints what kube-apiserver's printEvent prints: no name unless wide, counted repeats.</summary>
public sealed class EventTableTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KubectlGetEvents_ShowsLastSeenFirst_AndTheCountOfARepeatedEvent()
    {
        var ns = await fixture.NamespaceAsync(Ct);
        var now = DateTime.UtcNow;
        await fixture.Client.CoreV1.CreateNamespacedEventAsync(new Corev1Event
        {
            Metadata = new V1ObjectMeta { Name = "web.repeated" },
            InvolvedObject = new V1ObjectReference { Kind = "Deployment", Name = "web", NamespaceProperty = ns, ApiVersion = "apps/v1" },
            Reason = "SuccessfulRescale",
            Message = "New size: 4; reason: All metrics below target",
            Type = "Normal",
            Source = new V1EventSource { Component = "horizontal-pod-autoscaler" },
            FirstTimestamp = now.AddMinutes(-10),
            LastTimestamp = now,
            Count = 3,
        }, ns, cancellationToken: Ct);
        var kubectl = Kubectl.For(fixture.Cluster);

        var lines = (await kubectl.RunAsync("get", "events", "-n", ns)).EnsureSuccess().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var wide = (await kubectl.RunAsync("get", "events", "-n", ns, "-o", "wide")).EnsureSuccess().Stdout;

        Assert.StartsWith("LAST SEEN", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("NAME", lines[0], StringComparison.Ordinal);
        Assert.Contains("(x3 over 10m)", lines[1], StringComparison.Ordinal);
        Assert.Contains("deployment/web", lines[1], StringComparison.Ordinal);
        Assert.Contains("web.repeated", wide, StringComparison.Ordinal);
    }
}
