namespace Kubernetes.Controller.Autoscaling;

/// <summary>
/// What the HPA controller remembers per autoscaler between syncs (upstream keeps these maps in the controller):
/// the unstabilized recommendations and the scale events used by behavior policies.
/// </summary>
internal sealed class ScaleHistory
{
    public List<TimestampedRecommendation> Recommendations { get; } = [];

    public List<ScaleEvent> ScaleUpEvents { get; } = [];

    public List<ScaleEvent> ScaleDownEvents { get; } = [];
}

internal record struct TimestampedRecommendation(int Recommendation, DateTimeOffset Timestamp);

/// <summary>A replica change (always positive) and when it happened; outdated slots are reused.</summary>
internal record struct ScaleEvent(int ReplicaChange, DateTimeOffset Timestamp, bool Outdated = false);
