namespace Operator.Scaling;

/// <summary>
/// Aggregated activity of a ScaledObject for one poll: KEDA's <c>isActive</c>, <c>isError</c> and the metric names
/// of the active triggers; <see cref="Error"/> explains a configuration error found while aggregating.
/// </summary>
public sealed record ScaledObjectActivity(bool IsActive, bool IsError, IReadOnlyList<string> ActiveTriggers, string? Error = null);
