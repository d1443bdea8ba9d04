using Operator.Scaling.Events;

namespace Operator.Scaling.Fallbacks;

/// <summary>Events KEDA records when fallback starts or stops supplying metrics for a ScaledObject (both Normal, as its scale handler emits them).</summary>
public static class FallbackEvents
{
    public const string ActivatedMessage = "ScaledObject fallback is active";
    public const string DeactivatedMessage = "ScaledObject fallback is no longer active";

    /// <summary>The event for a change of fallback state, or null when it did not change.</summary>
    public static ScaleEvent? ForTransition(bool wasActive, bool isActive) => (wasActive, isActive) switch
    {
        (false, true) => ScaleEvent.NormalEvent(EventReasons.ScaledObjectFallbackActivated, ActivatedMessage),
        (true, false) => ScaleEvent.NormalEvent(EventReasons.ScaledObjectFallbackDeactivated, DeactivatedMessage),
        _ => null,
    };
}
