using Operator.Api;

namespace Operator.Scaling.Status;

/// <summary>Reading and writing KEDA's conditions on a <see cref="ScaledObjectStatus"/>.</summary>
public static class ScaledObjectConditions
{
    /// <summary>KEDA's initial set when any of Ready/Active/Fallback/Paused is missing (no reasons).</summary>
    public static List<Condition> CreateInitial() =>
    [
        new() { Type = ConditionTypes.Ready, Status = ConditionStatuses.Unknown },
        new() { Type = ConditionTypes.Active, Status = ConditionStatuses.Unknown },
        new() { Type = ConditionTypes.Fallback, Status = ConditionStatuses.Unknown },
        new() { Type = ConditionTypes.Paused, Status = ConditionStatuses.False },
    ];

    /// <summary>True when Ready, Active, Fallback and Paused are all present (HPAActive is lazy and not required).</summary>
    public static bool AreInitialized(IReadOnlyList<Condition>? conditions) =>
        conditions is not null
        && HasType(conditions, ConditionTypes.Ready)
        && HasType(conditions, ConditionTypes.Active)
        && HasType(conditions, ConditionTypes.Fallback)
        && HasType(conditions, ConditionTypes.Paused);

    /// <summary>Replaces the conditions with the initial set when they are not initialized; returns whether it did.</summary>
    public static bool EnsureInitialized(ScaledObjectStatus status)
    {
        if (AreInitialized(status.Conditions))
        {
            return false;
        }

        status.Conditions = CreateInitial();
        return true;
    }

    /// <summary>The condition of <paramref name="type"/>, or null when absent.</summary>
    public static Condition? Find(IReadOnlyList<Condition>? conditions, string type)
    {
        if (conditions is null)
        {
            return null;
        }

        foreach (var condition in conditions)
        {
            if (condition.Type == type)
            {
                return condition;
            }
        }

        return null;
    }

    /// <summary>
    /// Sets status/reason/message of <paramref name="type"/>, adding the condition when missing (missing conditions
    /// are first initialised to KEDA's set); returns true when anything changed.
    /// </summary>
    public static bool Set(ScaledObjectStatus status, string type, string conditionStatus, string? reason, string? message)
    {
        status.Conditions ??= CreateInitial();
        return Set(status.Conditions, type, conditionStatus, reason, message);
    }

    /// <summary>Sets a condition in a list, appending it when missing; returns true when anything changed.</summary>
    public static bool Set(List<Condition> conditions, string type, string conditionStatus, string? reason, string? message)
    {
        var existing = Find(conditions, type);
        if (existing is null)
        {
            conditions.Add(new Condition { Type = type, Status = conditionStatus, Reason = reason, Message = message });
            return true;
        }

        if (existing.Status == conditionStatus && existing.Reason == reason && existing.Message == message)
        {
            return false;
        }

        existing.Status = conditionStatus;
        existing.Reason = reason;
        existing.Message = message;
        return true;
    }

    public static bool SetTrue(ScaledObjectStatus status, string type, string reason, string message) =>
        Set(status, type, ConditionStatuses.True, reason, message);

    public static bool SetFalse(ScaledObjectStatus status, string type, string reason, string message) =>
        Set(status, type, ConditionStatuses.False, reason, message);

    public static bool SetUnknown(ScaledObjectStatus status, string type, string reason, string message) =>
        Set(status, type, ConditionStatuses.Unknown, reason, message);

    /// <summary>KEDA's <c>IsTrue</c>: a missing condition is not true.</summary>
    public static bool IsTrue(Condition? condition) => condition?.Status == ConditionStatuses.True;

    /// <summary>KEDA's <c>IsFalse</c>: a missing condition is not false.</summary>
    public static bool IsFalse(Condition? condition) => condition?.Status == ConditionStatuses.False;

    /// <summary>KEDA's <c>IsUnknown</c>: a missing condition counts as unknown.</summary>
    public static bool IsUnknown(Condition? condition) => condition is null || condition.Status == ConditionStatuses.Unknown;

    /// <summary>A deep copy, so a decision can be computed without touching the live status.</summary>
    public static List<Condition> Clone(IReadOnlyList<Condition>? conditions) =>
        conditions is null
            ? CreateInitial()
            : [.. conditions.Select(c => new Condition { Type = c.Type, Status = c.Status, Reason = c.Reason, Message = c.Message })];

    private static bool HasType(IReadOnlyList<Condition> conditions, string type) => Find(conditions, type) is not null;
}
