using k8s.Models;

namespace EmbeddedKubernetes.Controllers.Pods;

/// <summary>
/// Runs pods for the embedded control plane (the kubelet's container runtime). The kubelet controller starts
/// a pod once it exists, stops it when it is deleted and mirrors <see cref="GetState"/> into pod status.
/// </summary>
public interface IPodRuntime : IAsyncDisposable
{
    /// <summary>Raised (namespace, name) whenever a pod's state changes, so its status can be written.</summary>
    event Action<string, string>? StateChanged;

    /// <summary>Start the pod; starting a pod that already runs does nothing.</summary>
    Task StartAsync(V1Pod pod, CancellationToken cancellationToken);

    /// <summary>
    /// Stop the pod the way a kubelet stops containers: ask it to terminate (SIGTERM), wait up to
    /// <paramref name="gracePeriod"/>, then kill it; forget it once it is gone. Unknown pods are ignored.
    /// </summary>
    Task StopAsync(string ns, string name, TimeSpan gracePeriod);

    /// <summary>The pod's current state, or null when this runtime does not run it.</summary>
    PodRuntimeState? GetState(string ns, string name);

    /// <summary>The pod's current resource usage, or null when unknown.</summary>
    PodUsage? GetUsage(string ns, string name);

    /// <summary>The pods this runtime runs (namespace, name).</summary>
    IReadOnlyList<(string Namespace, string Name)> Pods { get; }
}

/// <summary>A pod as the runtime sees it.</summary>
/// <param name="Phase">Pending, Running, Succeeded or Failed.</param>
/// <param name="Ready">Whether the pod passes readiness.</param>
/// <param name="StartTime">When the runtime started the pod.</param>
/// <param name="TransitionTime">When <paramref name="Ready"/> last changed.</param>
/// <param name="ExitCode">The container's exit code once it terminated.</param>
/// <param name="RestartCount">How often the container was restarted.</param>
/// <param name="Reason">A short machine-readable reason (e.g. Completed, Error, StartFailed, ImagePullBackOff).</param>
/// <param name="Message">A human-readable explanation.</param>
public sealed record PodRuntimeState(
    string Phase, bool Ready, DateTimeOffset StartTime, DateTimeOffset TransitionTime,
    int? ExitCode = null, int RestartCount = 0, string? Reason = null, string? Message = null);

/// <summary>Resource usage of a pod, as metrics.k8s.io reports it.</summary>
public readonly record struct PodUsage(long CpuMilli, long MemoryBytes, DateTimeOffset Timestamp, TimeSpan Window);
