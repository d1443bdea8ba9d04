namespace Kubernetes.Controller.Autoscaling;

/// <summary>
/// One metric's answer: the replica count it proposes and the current value to report in status,
/// or an error message (upstream returns an error and the metric counts as invalid).
/// </summary>
/// <param name="Replicas">Proposed replica count.</param>
/// <param name="MilliValue">Current value in milli-units (total for Value targets, per pod for AverageValue).</param>
/// <param name="Utilization">Current utilization in percent for Utilization targets.</param>
/// <param name="Error">Why no proposal could be computed; null on success.</param>
public sealed record ReplicaProposal(int Replicas, long MilliValue, int? Utilization, string? Error)
{
    public bool Succeeded => Error is null;

    public static ReplicaProposal Of(int replicas, long milliValue, int? utilization = null) =>
        new(replicas, milliValue, utilization, null);

    public static ReplicaProposal Failure(string error) => new(0, 0, null, error);
}
