using EmbeddedKubernetes.Tests.Support;

namespace EmbeddedKubernetes.Tests.Conformance;

/// <summary>kubectl logs against process pods (the pod's command runs as a local process) and stub pods.</summary>
public sealed class KubectlLogsTests(ProcessClusterFixture fixture) : IClassFixture<ProcessClusterFixture>
{
    private const string Script = "echo one; echo two >&2; sleep 3; echo three";

    [Fact]
    public async Task Logs_ShowTheProcessOutput_StdoutAndStderr()
    {
        var (kubectl, ns) = await SetUpAsync();
        await RunTalkerAsync(kubectl, ns, "talker");

        var logs = await EventuallyAsync(kubectl, ns, "talker", s => s.Contains("one", StringComparison.Ordinal) && s.Contains("two", StringComparison.Ordinal));

        // stdout and stderr are separate pipes: their relative order is not guaranteed.
        Assert.Equal(["one", "two"], logs.Split('\n', StringSplitOptions.RemoveEmptyEntries)[..2].Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task LogsFollow_EndsWhenThePodStops_WithAllItsOutput()
    {
        var (kubectl, ns) = await SetUpAsync();
        await RunTalkerAsync(kubectl, ns, "follower");
        await EventuallyAsync(kubectl, ns, "follower", s => s.Contains("one", StringComparison.Ordinal));

        var followed = (await kubectl.RunAsync("logs", "-f", "follower", "-n", ns)).EnsureSuccess().Stdout;

        Assert.Equal(["one", "two"], followed.Split('\n', StringSplitOptions.RemoveEmptyEntries)[..2].Order(StringComparer.Ordinal));
        Assert.EndsWith("three\n", followed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_TailAndTimestamps_SelectAndPrefixLines()
    {
        var (kubectl, ns) = await SetUpAsync();
        await RunTalkerAsync(kubectl, ns, "tailed");
        var all = await EventuallyAsync(kubectl, ns, "tailed", s => s.Contains("three", StringComparison.Ordinal));

        var tail = (await kubectl.RunAsync("logs", "tailed", "-n", ns, "--tail=1")).EnsureSuccess().Stdout;
        var stamped = (await kubectl.RunAsync("logs", "tailed", "-n", ns, "--timestamps", "--since=1h")).EnsureSuccess().Stdout;

        Assert.Equal(3, all.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal("three\n", tail);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z (one|two)\n", stamped);
    }

    [Fact]
    public async Task Logs_OfAnUnknownContainer_NameIt()
    {
        var (kubectl, ns) = await SetUpAsync();
        await RunTalkerAsync(kubectl, ns, "single");

        var result = await kubectl.RunAsync("logs", "single", "-n", ns, "-c", "sidecar");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("container sidecar is not valid for pod single", result.Stderr, StringComparison.Ordinal);
    }

    private static async Task RunTalkerAsync(Kubectl kubectl, string ns, string name) =>
        (await kubectl.RunAsync("run", name, "-n", ns, "--image=busybox", "--restart=Never", "--command", "--", "/bin/sh", "-c", Script)).EnsureSuccess();

    private static async Task<string> EventuallyAsync(Kubectl kubectl, string ns, string pod, Func<string, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            var result = await kubectl.RunAsync("logs", pod, "-n", ns);
            last = result.ExitCode == 0 ? result.Stdout : result.Stderr;
            if (result.ExitCode == 0 && condition(result.Stdout))
            {
                return result.Stdout;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"the logs of {pod} never matched; last: {last}");
    }

    private async Task<(Kubectl Kubectl, string Namespace)> SetUpAsync()
    {
        var kubectl = Kubectl.For(fixture.Cluster);
        var ns = "logs-" + Guid.NewGuid().ToString("N")[..8];
        (await kubectl.RunAsync("create", "namespace", ns)).EnsureSuccess();
        return (kubectl, ns);
    }
}
