using EmbeddedKubernetes.Controllers.Pods;
using k8s.Models;

namespace EmbeddedKubernetes.Tests.Controllers.Pods;

public sealed class ProcessPodRuntimeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Start_CommandPodWithNeverRestart_EndsWithProcessExitCode()
    {
        await using var runtime = new ProcessPodRuntime(new ProcessPodOptions(), TimeProvider.System);

        await runtime.StartAsync(StubPodRuntimeTests.Pod("job", "Never", command: ["/bin/sh", "-c", "exit 3"]), TestContext.Current.CancellationToken);
        var state = await WaitForAsync(runtime, "job", s => s.Phase == "Failed");

        Assert.Equal(3, state.ExitCode);
    }

    [Fact]
    public async Task Start_MappedImage_PassesArgumentsAndPodEnvironment()
    {
        var output = Path.Combine(Path.GetTempPath(), $"pod-env-{Guid.NewGuid():N}.txt");
        var options = new ProcessPodOptions();
        options.Images["orders"] = new ProcessTemplate
        {
            Executable = "/bin/sh",
            Arguments = ["-c", $"echo \"$GREETING $POD\" > {output}"],
        };
        var pod = StubPodRuntimeTests.Pod("worker", "Never", image: "orders:1.0");
        pod.Spec.Containers[0].Env =
        [
            new V1EnvVar { Name = "GREETING", Value = "hello" },
            new V1EnvVar { Name = "POD", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.name" } } },
        ];
        await using var runtime = new ProcessPodRuntime(options, TimeProvider.System);

        await runtime.StartAsync(pod, TestContext.Current.CancellationToken);
        await WaitForAsync(runtime, "worker", s => s.Phase == "Succeeded");

        Assert.Equal("hello worker", (await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken)).Trim());
        File.Delete(output);
    }

    [Fact]
    public async Task Start_LongRunningProcess_IsReadyAndStopsOnDelete()
    {
        await using var runtime = new ProcessPodRuntime(new ProcessPodOptions(), TimeProvider.System);

        await runtime.StartAsync(StubPodRuntimeTests.Pod("web", command: ["/bin/sh", "-c", "sleep 60"]), TestContext.Current.CancellationToken);
        var state = await WaitForAsync(runtime, "web", s => s.Ready);
        var usage = runtime.GetUsage("default", "web");
        await runtime.StopAsync("default", "web", TimeSpan.Zero);

        Assert.Equal("Running", state.Phase);
        Assert.NotNull(usage);
        Assert.True(usage.Value.MemoryBytes > 0);
        Assert.Null(runtime.GetState("default", "web"));
    }

    [Fact]
    public async Task Start_HttpReadinessProbe_BecomesReadyWhenTheProcessAnswers()
    {
        if (!File.Exists("/usr/bin/python3"))
        {
            Assert.Skip("python3 is needed as a tiny HTTP server for the probe test (apt-get install python3)");
        }

        var pod = StubPodRuntimeTests.Pod("http", command: ["/bin/sh", "-c", "exec /usr/bin/python3 -m http.server \"$PORT\" --bind 127.0.0.1"]);
        pod.Spec.Containers[0].Ports = [new V1ContainerPort { ContainerPort = 8080, Name = "http" }];
        pod.Spec.Containers[0].ReadinessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/", Port = "http" } };
        await using var runtime = new ProcessPodRuntime(new ProcessPodOptions { ProbePeriod = TimeSpan.FromMilliseconds(200) }, TimeProvider.System);

        await runtime.StartAsync(pod, TestContext.Current.CancellationToken);
        var state = await WaitForAsync(runtime, "http", s => s.Ready);

        Assert.Equal("Running", state.Phase);
    }

    [Fact]
    public async Task Start_UnmappedImageWithoutCommand_StaysPendingInImagePullBackOffNamingTheImage()
    {
        await using var runtime = new ProcessPodRuntime(new ProcessPodOptions(), TimeProvider.System);

        await runtime.StartAsync(StubPodRuntimeTests.Pod("lost", image: "nowhere:2"), TestContext.Current.CancellationToken);

        var state = runtime.GetState("default", "lost");
        Assert.Equal(("Pending", "ImagePullBackOff"), (state!.Phase, state.Reason));
        Assert.Contains("nowhere:2", state.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_WithAGracePeriod_LetsTheSigtermHandlerFinishItsWork()
    {
        var output = Path.Combine(Path.GetTempPath(), $"pod-sigterm-{Guid.NewGuid():N}.txt");
        var script = $"trap 'sleep 1; echo finished > {output}; exit 0' TERM; echo started; while true; do sleep 0.1; done";
        await using var runtime = new ProcessPodRuntime(new ProcessPodOptions(), TimeProvider.System);
        await runtime.StartAsync(StubPodRuntimeTests.Pod("graceful", command: ["/bin/sh", "-c", script]), TestContext.Current.CancellationToken);
        await WaitForAsync(runtime, "graceful", s => s.Ready);
        await WaitForLogAsync(runtime, "graceful", "started");

        await runtime.StopAsync("default", "graceful", TimeSpan.FromSeconds(30));

        Assert.Equal("finished", (await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken)).Trim());
        Assert.Null(runtime.GetState("default", "graceful"));
        File.Delete(output);
    }

    [Fact]
    public async Task Stop_ProcessIgnoringSigterm_IsKilledWhenTheGracePeriodEnds()
    {
        var output = Path.Combine(Path.GetTempPath(), $"pod-stubborn-{Guid.NewGuid():N}.txt");
        var script = $"trap 'echo ignored > {output}' TERM; echo started; while true; do sleep 0.1; done";
        await using var runtime = new ProcessPodRuntime(new ProcessPodOptions(), TimeProvider.System);
        await runtime.StartAsync(StubPodRuntimeTests.Pod("stubborn", command: ["/bin/sh", "-c", script]), TestContext.Current.CancellationToken);
        await WaitForAsync(runtime, "stubborn", s => s.Ready);
        await WaitForLogAsync(runtime, "stubborn", "started");

        await runtime.StopAsync("default", "stubborn", TimeSpan.FromSeconds(1));

        Assert.Equal("ignored", (await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken)).Trim());
        Assert.Null(runtime.GetState("default", "stubborn"));
        File.Delete(output);
    }

    private static async Task WaitForLogAsync(ProcessPodRuntime runtime, string name, string text)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        while (runtime.GetLog("default", name, "main", previous: false)?.Read(0).Lines.Any(l => l.Text == text) != true)
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    private static async Task<PodRuntimeState> WaitForAsync(ProcessPodRuntime runtime, string name, Func<PodRuntimeState, bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        while (true)
        {
            if (runtime.GetState("default", name) is { } state && condition(state))
            {
                return state;
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
