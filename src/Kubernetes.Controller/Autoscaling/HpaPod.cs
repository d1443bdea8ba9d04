namespace Kubernetes.Controller.Autoscaling;

/// <summary>
/// What the replica calculator needs to know about one pod selected by the scale target.
/// </summary>
/// <param name="Name">Pod name (metrics are keyed by it).</param>
/// <param name="Phase">status.phase: Pending, Running, Succeeded, Failed.</param>
/// <param name="Ready">The Ready condition: true, false, or null when the pod has no Ready condition.</param>
/// <param name="ReadyTransitionTime">lastTransitionTime of the Ready condition.</param>
/// <param name="StartTime">status.startTime, null when not started.</param>
/// <param name="Deleting">metadata.deletionTimestamp is set.</param>
/// <param name="Requests">Per container: resource name → request in milli-units (a missing key = no request).</param>
/// <param name="ContainerNames">The containers' names, in the order of <paramref name="Requests"/> (null: unnamed).</param>
public sealed record HpaPod(
    string Name,
    string Phase,
    bool? Ready,
    DateTimeOffset? ReadyTransitionTime,
    DateTimeOffset? StartTime,
    bool Deleting,
    IReadOnlyList<IReadOnlyDictionary<string, long>> Requests,
    IReadOnlyList<string>? ContainerNames = null)
{
    public bool IsRunningAndReady => Phase == PodPhases.Running && Ready == true;
}

/// <summary>One pod's sample from metrics.k8s.io (value in milli-units).</summary>
public readonly record struct PodMetricSample(long MilliValue, DateTimeOffset Timestamp, TimeSpan Window);

/// <summary>Pod phase names as the API spells them.</summary>
public static class PodPhases
{
    public const string Pending = "Pending";
    public const string Running = "Running";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
}
