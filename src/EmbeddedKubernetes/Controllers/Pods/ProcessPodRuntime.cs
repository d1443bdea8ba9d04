using System.Collections.Concurrent;
using EmbeddedKubernetes.Logs;
using k8s.Models;
using Kubernetes.Controller.Autoscaling;

namespace EmbeddedKubernetes.Controllers.Pods;

/// <summary>
/// Pods as local processes: the first container's image maps to a program (<see cref="ProcessPodOptions.Images"/>),
/// the pod's env is passed through, declared ports get free local ports (PORT / ASPNETCORE_URLS), and the pod is
/// Ready while the process lives and, when an HTTP readiness probe is declared, answers it with 2xx/3xx.
/// Exits follow restartPolicy: Never → Succeeded/Failed by exit code, OnFailure → restart on non-zero, Always → restart.
/// </summary>
public sealed class ProcessPodRuntime : IPodRuntime, IPodLogSource
{
    internal const string ImagePullBackOff = "ImagePullBackOff";
    internal const string RunContainerError = "RunContainerError";

    private readonly ProcessPodOptions _options;
    private readonly TimeProvider _time;
    private readonly HttpClient _probeClient = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly ConcurrentDictionary<(string, string), ProcessPod> _pods = new();

    public ProcessPodRuntime(ProcessPodOptions options, TimeProvider time)
    {
        options.Validate();
        _options = options;
        _time = time;
    }

    public event Action<string, string>? StateChanged;

    public IReadOnlyList<(string Namespace, string Name)> Pods => _pods.Keys.ToList();

    public Task StartAsync(V1Pod pod, CancellationToken cancellationToken)
    {
        var key = (pod.Metadata.NamespaceProperty ?? "default", pod.Metadata.Name);
        var now = _time.GetUtcNow();
        var launch = ProcessLaunch.Resolve(pod, _options, out var error);
        // An image with no local program is what an unpullable image is to a kubelet: the pod stays Pending
        // (ImagePullBackOff) instead of failing, so a ReplicaSet does not replace it over and over.
        var state = launch is null
            ? new PodRuntimeState(PodPhases.Pending, false, now, now, Reason: ImagePullBackOff, Message: error)
            : new PodRuntimeState(PodPhases.Pending, false, now, now);
        var entry = new ProcessPod(pod, launch, state, _options.LogLines, _time);
        if (!_pods.TryAdd(key, entry))
        {
            return Task.CompletedTask;
        }

        if (launch is not null)
        {
            entry.Supervisor = Task.Run(() => SuperviseAsync(key, entry), CancellationToken.None);
        }

        StateChanged?.Invoke(key.Item1, key.Item2);
        return Task.CompletedTask;
    }

    public async Task StopAsync(string ns, string name, TimeSpan gracePeriod)
    {
        if (!_pods.TryGetValue((ns, name), out var entry))
        {
            return;
        }

        // The pod stays known (its log readable, its state reported) until its process is gone; a terminating
        // container is not ready, as a kubelet reports it.
        Set((ns, name), entry, s => s with { Ready = false });
        await entry.StopAsync(gracePeriod).ConfigureAwait(false);
        _pods.TryRemove(new KeyValuePair<(string, string), ProcessPod>((ns, name), entry));
    }

    public PodRuntimeState? GetState(string ns, string name) => _pods.TryGetValue((ns, name), out var entry) ? entry.State : null;

    public PodUsage? GetUsage(string ns, string name) =>
        _pods.TryGetValue((ns, name), out var entry) ? entry.SampleUsage(_time.GetUtcNow()) : null;

    /// <summary>The pod's process output; containers other than the first one (which runs) have an empty log.</summary>
    public ContainerLog? GetLog(string ns, string pod, string container, bool previous)
    {
        if (!_pods.TryGetValue((ns, pod), out var entry))
        {
            return null;
        }

        if (entry.Pod.Spec.Containers.Count > 0 && entry.Pod.Spec.Containers[0].Name != container)
        {
            return previous ? null : ContainerLog.Empty(_time);
        }

        return previous ? entry.PreviousLog : entry.Log;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var key in _pods.Keys.ToList())
        {
            await StopAsync(key.Item1, key.Item2, TimeSpan.Zero).ConfigureAwait(false);
        }

        _probeClient.Dispose();
    }

    private async Task SuperviseAsync((string, string) key, ProcessPod entry)
    {
        var token = entry.Stopping.Token;
        var restartPolicy = entry.Pod.Spec.RestartPolicy ?? "Always";
        while (!token.IsCancellationRequested)
        {
            if (!entry.TryStart(out var startError))
            {
                if (restartPolicy == "Never")
                {
                    Set(key, entry, s => s with { Phase = PodPhases.Failed, Reason = "StartFailed", Message = startError });
                    return;
                }

                // A kubelet retries a container that cannot start (RunContainerError, backing off); the pod is not failed.
                Set(key, entry, s => s with { Reason = RunContainerError, Message = startError, RestartCount = s.RestartCount + 1 });
                if (!await DelayRestartAsync(token).ConfigureAwait(false))
                {
                    return;
                }

                continue;
            }

            Set(key, entry, s => s with { Phase = PodPhases.Running, Reason = null, Message = null });
            var exitCode = await WatchReadinessUntilExitAsync(key, entry, token).ConfigureAwait(false);
            if (exitCode is null)
            {
                return;
            }

            var restart = restartPolicy == "Always" || (restartPolicy == "OnFailure" && exitCode != 0);
            if (!restart)
            {
                Set(key, entry, s => s with
                {
                    Phase = exitCode == 0 ? PodPhases.Succeeded : PodPhases.Failed,
                    Ready = false,
                    ExitCode = exitCode,
                    Reason = exitCode == 0 ? "Completed" : "Error",
                });
                return;
            }

            Set(key, entry, s => s with { Ready = false, ExitCode = exitCode, RestartCount = s.RestartCount + 1, Reason = "CrashLoopBackOff" });
            if (!await DelayRestartAsync(token).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    // False when the pod was stopped during the back-off.
    private async Task<bool> DelayRestartAsync(CancellationToken token)
    {
        try
        {
            await Task.Delay(_options.RestartDelay, _time, token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    // Returns the exit code, or null when the pod was stopped.
    private async Task<int?> WatchReadinessUntilExitAsync((string, string) key, ProcessPod entry, CancellationToken token)
    {
        var launch = entry.Launch!;
        var exited = entry.Process!.WaitForExitAsync(token);
        if (launch.ReadinessUrl is null)
        {
            Set(key, entry, s => s with { Ready = true });
        }
        else
        {
            await Task.WhenAny(exited, Task.Delay(launch.ReadinessDelay, _time, token)).ConfigureAwait(false);
        }

        while (!exited.IsCompleted)
        {
            if (launch.ReadinessUrl is not null)
            {
                var ready = await ProbeAsync(launch.ReadinessUrl, token).ConfigureAwait(false);
                Set(key, entry, s => s with { Ready = ready });
            }

            await Task.WhenAny(exited, Task.Delay(_options.ProbePeriod, _time, token)).ConfigureAwait(false);
        }

        try
        {
            await exited.ConfigureAwait(false);
            entry.EndLog();
            return entry.Process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private async Task<bool> ProbeAsync(Uri url, CancellationToken token)
    {
        try
        {
            using var response = await _probeClient.GetAsync(url, token).ConfigureAwait(false);
            return (int)response.StatusCode is >= 200 and < 400;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private void Set((string, string) key, ProcessPod entry, Func<PodRuntimeState, PodRuntimeState> change)
    {
        bool changed;
        lock (entry)
        {
            var next = change(entry.State);
            if (next.Ready != entry.State.Ready || next.Phase != entry.State.Phase)
            {
                next = next with { TransitionTime = _time.GetUtcNow() };
            }

            changed = next != entry.State;
            entry.State = next;
        }

        if (changed && _pods.ContainsKey(key))
        {
            StateChanged?.Invoke(key.Item1, key.Item2);
        }
    }
}
