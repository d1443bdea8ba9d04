using System.Globalization;
using k8s.Models;
using Kubernetes.Controller.Autoscaling;
using Operator.Decisions;

namespace Operator.Scaling.Direct;

/// <summary>What direct mode did in one poll: the replicas before, the HPA algorithm's answer, and whether it was written.</summary>
/// <param name="Current">Replicas before the poll.</param>
/// <param name="Desired">The algorithm's desired replicas (equal to <paramref name="Current"/> when it could not compute one).</param>
/// <param name="Written">The desired count was written to <c>/scale</c>.</param>
/// <param name="Reason">The HPA's rescale reason (e.g. "external metric s0-prometheus(...) above target").</param>
/// <param name="Error">Why no count could be computed or written; never contains a secret.</param>
public sealed record DirectScaleResult(int Current, int Desired, bool Written, string Reason, string? Error)
{
    public static DirectScaleResult Failed(int current, string error) => new(current, current, false, "", error);

    /// <summary>The target is at zero: the HPA would only say that scaling is disabled; KEDA's decision stands.</summary>
    public static DirectScaleResult AtZero(IReadOnlyList<V2HorizontalPodAutoscalerCondition> conditions) =>
        new(0, 0, false, "", null) { IsAtZero = true, Conditions = conditions };

    /// <summary>True when the target had no replicas, so the HPA algorithm did not decide anything.</summary>
    public bool IsAtZero { get; init; }

    /// <summary>The Events the HPA controller would have recorded on its HPA (SuccessfulRescale, FailedGetExternalMetric, ...).</summary>
    public IReadOnlyList<HpaEvent> Events { get; init; } = [];

    /// <summary>The HPA's conditions after this poll (AbleToScale, ScalingActive, ScalingLimited); null when unchanged.</summary>
    public IReadOnlyList<V2HorizontalPodAutoscalerCondition>? Conditions { get; init; }

    /// <summary>The decision record of this poll, told as direct mode's answer.</summary>
    public DecisionRecord Describe(DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (IsAtZero)
        {
            return record;
        }

        var summary = (Written, Error) switch
        {
            (true, _) => string.Create(CultureInfo.InvariantCulture, $"scaled {Current}→{Desired} in direct mode: {Reason}"),
            (false, { } error) when Desired != Current => string.Create(CultureInfo.InvariantCulture, $"failed: scaling {Current}→{Desired} in direct mode: {error}"),
            (false, { } error) => string.Create(CultureInfo.InvariantCulture, $"kept {Current} replicas: direct mode could not compute replicas: {error}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"kept {Current} replicas: direct mode, the metrics ask for {Desired}"),
        };
        return record with { Rule = DecisionRules.Direct, Summary = summary, ReplicasWritten = Written ? Desired : record.ReplicasWritten };
    }
}
