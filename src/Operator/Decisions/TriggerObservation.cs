namespace Operator.Decisions;

/// <summary>What one trigger reported in one poll (never a secret: names, numbers and error messages only).</summary>
public sealed record TriggerObservation
{
    public required int Index { get; init; }

    public required string Type { get; init; }

    /// <summary>The trigger's <c>name</c>, when it has one.</summary>
    public string? Name { get; init; }

    public string? MetricName { get; init; }

    public double? Value { get; init; }

    public double? Target { get; init; }

    public double? ActivationThreshold { get; init; }

    public bool IsActive { get; init; }

    public string? Error { get; init; }
}
