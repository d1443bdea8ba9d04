namespace Operator.Decisions;

/// <summary>Defaults of the decision log and its HTTP endpoint.</summary>
public static class DecisionLogDefaults
{
    /// <summary>Decisions kept per ScaledObject.</summary>
    public const int Capacity = 50;

    /// <summary>The endpoint's route prefix: <c>GET /decisions/{namespace}/{name}</c>.</summary>
    public const string Route = "/decisions";
}
