namespace Operator.Scaling.Status;

/// <summary>Condition status values.</summary>
public static class ConditionStatuses
{
    public const string True = "True";
    public const string False = "False";
    public const string Unknown = "Unknown";
}
