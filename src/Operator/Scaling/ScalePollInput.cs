using k8s.Models;
using Operator.Api;
using Operator.Scaling.Modifiers;

namespace Operator.Scaling;

/// <summary>Everything one poll of one ScaledObject depends on besides the clock.</summary>
public sealed record ScalePollInput
{
    /// <summary>The ScaledObject as last read (informer cache); never modified by the step.</summary>
    public required ScaledObject ScaledObject { get; init; }

    /// <summary>The target's current replicas (<c>/scale</c> <c>spec.replicas</c>); null when they could not be read.</summary>
    public int? CurrentReplicas { get; init; }

    /// <summary>Why the current replicas could not be read (Ready=False/ErrorGettingCurrentReplicas).</summary>
    public string? CurrentReplicasError { get; init; }

    /// <summary>Running+Ready pods of the target; only needed for fallback with <c>Value</c> targets.</summary>
    public int? ReadyReplicas { get; init; }

    /// <summary>Each trigger's scaler result, in trigger order.</summary>
    public IReadOnlyList<TriggerPoll> Triggers { get; init; } = [];

    /// <summary>The compiled scalingModifiers formula (from validation), when the ScaledObject has one.</summary>
    public CompiledFormula? Formula { get; init; }

    /// <summary>
    /// The fallback health to count from: what the operator counted last, which can be newer than the cached status
    /// (the metrics adapter counts too). Null: the ScaledObject's <c>status.health</c>.
    /// </summary>
    public IReadOnlyDictionary<string, HealthStatus>? Health { get; init; }

    /// <summary>The owned HPA as last read, for the HPAActive condition; null when not read (condition left alone).</summary>
    public V2HorizontalPodAutoscaler? Hpa { get; init; }
}
