using EmbeddedKubernetes.Controllers;
using EmbeddedKubernetes.Controllers.Pods;
using k8s;
using k8s.Models;

namespace EmbeddedKubernetes.Tests.Controllers.Pods;

/// <summary>A cluster with process pods stops its pods when it stops: none outlives it as an orphan process.</summary>
public sealed class ClusterShutdownTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DisposingTheCluster_StopsItsRunningProcessPods(bool runtimeFromConfigure)
    {
        var options = new EmbeddedClusterOptions { PodRuntime = PodRuntime.Process };
        // The AppHost hands the controllers its own process runtime (with its image map); the cluster owns it too.
        options = runtimeFromConfigure
            ? options.AddBuiltInControllers(manager => manager.PodRuntime = new ProcessPodRuntime(new ProcessPodOptions(), TimeProvider.System))
            : options.AddBuiltInControllers();
        var pidFile = Path.Combine(Path.GetTempPath(), $"pod-pid-{Guid.NewGuid():N}.txt");
        var cluster = await EmbeddedCluster.StartAsync(options, Ct);
        int pid;
        try
        {
            using var client = cluster.CreateClient();
            await client.CoreV1.CreateNamespacedPodAsync(new V1Pod
            {
                Metadata = new V1ObjectMeta { Name = "long-running" },
                Spec = new V1PodSpec
                {
                    Containers = [new V1Container { Name = "main", Image = "busybox", Command = ["/bin/sh", "-c", $"echo $$ > {pidFile}.tmp; mv {pidFile}.tmp {pidFile}; exec sleep 600"] }],
                },
            }, "default", cancellationToken: Ct);
            pid = await ReadPidAsync(pidFile);
            Assert.True(IsRunning(pid), $"the pod's process {pid} should run while the cluster does");
        }
        finally
        {
            await cluster.DisposeAsync();
        }

        Assert.False(IsRunning(pid), $"the pod's process {pid} outlived the cluster");
        File.Delete(pidFile);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<int> ReadPidAsync(string path)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(Patience);
        while (!File.Exists(path))
        {
            await Task.Delay(100, timeout.Token);
        }

        return int.Parse((await File.ReadAllTextAsync(path, Ct)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    // A killed child the runtime has reaped is gone from /proc; one still running (or a zombie nobody waited for) is not.
    private static bool IsRunning(int pid) => Directory.Exists($"/proc/{pid}");
}
