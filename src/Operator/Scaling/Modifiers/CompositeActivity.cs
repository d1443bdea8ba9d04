using Operator.Api;
using Operator.Scaling.Modifiers;

namespace Operator.Scaling.Modifiers;

/// <summary>
/// Bridges <see cref="ScalingModifiersRuntime"/> to <see cref="ActivityAggregator"/>: the composite value whose
/// comparison with <c>activationTarget</c> decides activity when scalingModifiers are used.
/// </summary>
public static class CompositeActivity
{
    /// <summary>
    /// A composite-value function for <see cref="ActivityAggregator.Aggregate"/>; like KEDA's loop over the modified
    /// metrics, the last value counts, and no value (formula error) means inactive.
    /// </summary>
    public static Func<IReadOnlyList<TriggerState>, double?> For(
        ScaledObject scaledObject, CompiledFormula? formula, IReadOnlyDictionary<string, string> metricToTrigger) =>
        triggers =>
        {
            var metrics = triggers.SelectMany(t => t.Metrics).ToList();
            var modified = ScalingModifiersRuntime.Handle(scaledObject, metrics, metricToTrigger, false, [], formula, out _);
            return modified.Count > 0 ? modified[^1].Value : null;
        };
}
