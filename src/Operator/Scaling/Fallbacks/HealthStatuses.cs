namespace Operator.Scaling.Fallbacks;

/// <summary>Values of <c>status.health[metric].status</c>.</summary>
public static class HealthStatuses
{
    public const string Happy = "Happy";
    public const string Failing = "Failing";
}
