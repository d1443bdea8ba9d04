using Operator.Api;
using Operator.Scaling.Modifiers;

namespace Operator.Scaling;

/// <summary>
/// KEDA's <c>getScaledObjectState</c> aggregation: any active trigger makes the ScaledObject active, any failed
/// trigger makes it errored; scalingModifiers recompute activity from the composite value; a ScaledObject with only
/// cpu/memory triggers is always active.
/// </summary>
internal static class ActivityAggregator
{
    /// <summary>
    /// Aggregates <paramref name="triggers"/>. <paramref name="compositeValue"/> evaluates the scalingModifiers formula
    /// over the trigger values (null value = no value, an error = the formula failed, which makes the poll errored
    /// instead of silently inactive); it is only called when the ScaledObject uses modifiers.
    /// </summary>
    public static ScaledObjectActivity Aggregate(
        ScaledObject scaledObject,
        IReadOnlyList<TriggerState> triggers,
        Func<IReadOnlyList<TriggerState>, CompositeValue>? compositeValue = null)
    {
        var isActive = false;
        var isError = false;
        var activeTriggers = new List<string>();
        foreach (var trigger in triggers)
        {
            if (trigger.IsActive)
            {
                isActive = true;
                if (trigger.MetricName.Length > 0)
                {
                    activeTriggers.Add(trigger.MetricName);
                }
            }

            isError |= trigger.IsError;
        }

        if (scaledObject.IsUsingModifiers())
        {
            // KEDA resets activity even when a trigger failed; only an error-free poll can be active.
            isActive = false;
            if (!isError)
            {
                var activationText = scaledObject.Spec.Advanced?.ScalingModifiers?.ActivationTarget;
                var activation = 0d;
                if (!string.IsNullOrEmpty(activationText) && !GoFloat.TryParse(activationText, out activation, out var parseError))
                {
                    return new ScaledObjectActivity(false, true, activeTriggers, $"scalingModifiers.ActivationTarget parsing error {parseError}");
                }

                var composite = compositeValue?.Invoke(triggers) ?? CompositeValue.Of(null);
                if (composite.IsError)
                {
                    return new ScaledObjectActivity(false, true, activeTriggers, composite.Error);
                }

                isActive = composite.Value is double value && value > activation;
            }
        }

        var specTriggers = scaledObject.Spec.Triggers;
        if (!isError && specTriggers.Count > 0 && specTriggers.All(t => t.Type is "cpu" or "memory"))
        {
            // The HPA cannot scale from zero on resource metrics, so KEDA never deactivates such ScaledObjects.
            isActive = true;
        }

        return new ScaledObjectActivity(isActive, isError, activeTriggers);
    }
}
