using k8s.Models;
using Operator.Api;
using Operator.Scalers;
using Operator.Scaling.Modifiers;

namespace Operator.ScaleLoop;

/// <summary>
/// The scalers of one ScaledObject generation, in trigger order (a trigger that failed to build carries its errors),
/// and the compiled scalingModifiers formula (or why it does not compile).
/// </summary>
internal sealed class BuiltScalers(
    long generation, IReadOnlyList<BuiltScaler> triggers, CompiledFormula? formula = null, string? formulaError = null) : IAsyncDisposable
{
    public long Generation => generation;

    public IReadOnlyList<BuiltScaler> Triggers => triggers;

    public CompiledFormula? Formula => formula;

    public string? FormulaError => formulaError;

    /// <summary>Every build error, each prefixed with its trigger (<c>trigger 0 (prometheus): ...</c>).</summary>
    public IEnumerable<string> Errors => triggers.SelectMany(t => t.Errors);

    public bool IsComplete => triggers.All(t => t.Scaler is not null);

    public IReadOnlyList<IReadOnlyList<V2MetricSpec>?> MetricSpecs() =>
        [.. triggers.Select(t => t.Scaler is null ? null : (IReadOnlyList<V2MetricSpec>?)t.Scaler.GetMetricSpecs())];

    public async ValueTask DisposeAsync()
    {
        foreach (var trigger in triggers)
        {
            if (trigger.Scaler is not null)
            {
                await trigger.Scaler.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}

/// <summary>One trigger's scaler (null when building failed), its config and build errors (prefixed with the trigger).</summary>
internal sealed record BuiltScaler(int Index, ScaleTrigger Trigger, ScalerConfig Config, IScaler? Scaler, IReadOnlyList<string> Errors);
