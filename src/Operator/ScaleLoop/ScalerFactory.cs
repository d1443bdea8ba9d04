using Operator.Api;
using Operator.Controllers;
using Operator.Manifests;
using Operator.Resolution;
using Operator.Scalers;
using Operator.Scaling.Modifiers;

namespace Operator.ScaleLoop;

/// <summary>
/// Builds a ScaledObject's scalers from the informer caches through KEDA's scalers builder
/// (<see cref="ScalerConfigBuilder"/>, the same code <c>validate</c> runs over its input files), then the scaler
/// registry per trigger; compiles the scalingModifiers formula once per generation.
/// </summary>
internal sealed class ScalerFactory(OperatorInformers informers, string clusterObjectNamespace, ScalerServices services)
{
    private readonly ScalerConfigBuilder _configs = new(informers, clusterObjectNamespace);

    /// <summary>What every scaler is built with (clock, logging, the host's HTTP clients).</summary>
    public ScalerServices Services => services;

    public BuiltScalers Build(ScaledObject so)
    {
        var ns = so.Metadata.NamespaceProperty;
        var target = ScaleTargetResolver.Resolve(informers, so);
        var set = _configs.Build(so.Spec.Triggers ?? [], target, so.Metadata.Name, ns, ManifestKinds.ScaledObject);
        var built = new List<BuiltScaler>(set.Triggers.Count);
        foreach (var trigger in set.Triggers)
        {
            var errors = new List<string>(trigger.Errors);
            if (set.EnvError is not null)
            {
                errors.Add(trigger.Prefix + set.EnvError);
            }

            var result = ScalerRegistry.Build(trigger.Config, services);
            errors.AddRange(result.Errors.Select(e => trigger.Prefix + e));
            var scaler = result.Scaler;
            if (errors.Count > 0 && scaler is not null)
            {
                _ = scaler.DisposeAsync().AsTask();
                scaler = null;
            }

            built.Add(new BuiltScaler(trigger.Index, trigger.Trigger, trigger.Config, scaler, errors));
        }

        CompiledFormula? formula = null;
        string? formulaError = null;
        if (so.IsUsingModifiers())
        {
            formula = ScalingModifiersValidator.ValidateAndCompile(so, out formulaError);
        }

        return new BuiltScalers(so.Metadata.Generation ?? 0, built, formula, formulaError);
    }
}
