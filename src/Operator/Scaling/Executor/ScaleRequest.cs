using Operator.Api;

namespace Operator.Scaling.Executor;

/// <summary>
/// Inputs of one <c>RequestScale</c> decision: the ScaledObject as last read, the target's current replicas,
/// the aggregated trigger activity, and the metric names of the active triggers.
/// </summary>
public sealed record ScaleRequest(
    ScaledObject ScaledObject,
    int CurrentReplicas,
    bool IsActive,
    bool IsError,
    IReadOnlyList<string> ActiveTriggers);
