using EmbeddedKubernetes.Controllers.Pods;
using k8s.Models;
using Microsoft.Extensions.Time.Testing;

namespace EmbeddedKubernetes.Tests.Controllers.Pods;

public sealed class StubPodRuntimeTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Start_PodIsRunningButNotReady_UntilReadyDelayPasses()
    {
        await using var runtime = new StubPodRuntime(new StubPodOptions { ReadyDelay = TimeSpan.FromSeconds(3) }, _time);

        await runtime.StartAsync(Pod("web-1"), TestContext.Current.CancellationToken);
        var before = runtime.GetState("default", "web-1");
        _time.Advance(TimeSpan.FromSeconds(3));
        var after = runtime.GetState("default", "web-1");

        Assert.Equal(("Running", false), (before!.Phase, before.Ready));
        Assert.Equal(("Running", true), (after!.Phase, after.Ready));
        Assert.Equal(_time.GetUtcNow(), after.TransitionTime);
    }

    [Fact]
    public async Task GetLog_OfAStubPod_IsEmptyAndEnded_AndHasNoPreviousRun()
    {
        await using var runtime = new StubPodRuntime(new StubPodOptions(), _time);

        await runtime.StartAsync(Pod("web-1"), TestContext.Current.CancellationToken);
        var log = runtime.GetLog("default", "web-1", "main", previous: false);

        Assert.Empty(log!.Read(0).Lines);
        Assert.True(log.Ended);
        Assert.Null(runtime.GetLog("default", "web-1", "main", previous: true));
        Assert.Null(runtime.GetLog("default", "unknown", "main", previous: false));
    }

    [Fact]
    public async Task Start_RunToCompletionPod_SucceedsAfterCompletionDelay()
    {
        await using var runtime = new StubPodRuntime(new StubPodOptions { CompletionDelay = TimeSpan.FromSeconds(5) }, _time);

        await runtime.StartAsync(Pod("job-1", restartPolicy: "Never"), TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromSeconds(5));

        var state = runtime.GetState("default", "job-1");
        Assert.Equal(("Succeeded", 0, "Completed"), (state!.Phase, state.ExitCode, state.Reason));
    }

    [Fact]
    public async Task Start_ExitCodeAnnotation_FailsThePod()
    {
        await using var runtime = new StubPodRuntime(new StubPodOptions(), _time);
        var pod = Pod("job-2", restartPolicy: "OnFailure");
        pod.Metadata.Annotations = new Dictionary<string, string> { [StubPodOptions.ExitCodeAnnotation] = "2" };

        await runtime.StartAsync(pod, TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromSeconds(10));

        var state = runtime.GetState("default", "job-2");
        Assert.Equal(("Failed", 2), (state!.Phase, state.ExitCode));
    }

    [Fact]
    public async Task GetUsage_ReportsConfiguredOrAnnotatedValues()
    {
        await using var runtime = new StubPodRuntime(new StubPodOptions { CpuMilli = 100, MemoryBytes = 1000 }, _time);
        var annotated = Pod("web-2");
        annotated.Metadata.Annotations = new Dictionary<string, string>
        {
            [StubPodOptions.CpuAnnotation] = "750m",
            [StubPodOptions.MemoryAnnotation] = "1Mi",
        };

        await runtime.StartAsync(Pod("web-1"), TestContext.Current.CancellationToken);
        await runtime.StartAsync(annotated, TestContext.Current.CancellationToken);

        Assert.Equal((100, 1000), (runtime.GetUsage("default", "web-1")!.Value.CpuMilli, runtime.GetUsage("default", "web-1")!.Value.MemoryBytes));
        Assert.Equal((750, 1024 * 1024), (runtime.GetUsage("default", "web-2")!.Value.CpuMilli, runtime.GetUsage("default", "web-2")!.Value.MemoryBytes));
    }

    [Fact]
    public async Task Stop_ForgetsThePod()
    {
        await using var runtime = new StubPodRuntime(new StubPodOptions(), _time);
        await runtime.StartAsync(Pod("web-1"), TestContext.Current.CancellationToken);

        await runtime.StopAsync("default", "web-1", TimeSpan.Zero);

        Assert.Null(runtime.GetState("default", "web-1"));
        Assert.Empty(runtime.Pods);
    }

    [Fact]
    public void Options_NegativeReadyDelay_IsRejectedWithFieldName()
    {
        var error = Assert.Throws<ArgumentException>(() => new StubPodRuntime(new StubPodOptions { ReadyDelay = TimeSpan.FromSeconds(-1) }, _time));

        Assert.Contains("StubPodOptions.ReadyDelay", error.Message, StringComparison.Ordinal);
    }

    internal static V1Pod Pod(string name, string restartPolicy = "Always", string image = "app:1", IList<string>? command = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default" },
        Spec = new V1PodSpec
        {
            RestartPolicy = restartPolicy,
            Containers = [new V1Container { Name = "main", Image = image, Command = command }],
        },
    };
}
