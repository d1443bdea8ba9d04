using Operator.Api;

namespace Operator.Scaling.Modifiers;

/// <summary>
/// Bridges <see cref="ScalingModifiersRuntime"/> to <see cref="ActivityAggregator"/>: the composite value whose
/// comparison with <c>activationTarget</c> decides activity when scalingModifiers are used.
/// </summary>
public static class CompositeActivity
{
    /// <summary>
    /// A composite-value function for <see cref="ActivityAggregator.Aggregate"/>; like KEDA's loop over the modified
    /// metrics, the last value counts. A formula that cannot be evaluated yields <see cref="CompositeValue.Failed"/>
    /// with the formula's message. <paramref name="health"/> is this poll's health after fallback.
    /// </summary>
    public static Func<IReadOnlyList<TriggerState>, CompositeValue> For(
        ScaledObject scaledObject,
        CompiledFormula? formula,
        IReadOnlyDictionary<string, string> metricToTrigger,
        IReadOnlyDictionary<string, HealthStatus>? health = null) =>
        triggers =>
        {
            var metrics = triggers.SelectMany(t => t.Metrics).ToList();
            var modified = ScalingModifiersRuntime.Handle(scaledObject, health, metrics, metricToTrigger, false, [], formula, out var error);
            if (error is not null)
            {
                return CompositeValue.Failed(error);
            }

            return modified.Count > 0 ? modified[^1].Value : CompositeValue.Of(null);
        };
}
