using Operator.Api;
using Operator.Resolution;

namespace Operator.Scalers;

/// <summary>
/// KEDA's scalers builder (<c>pkg/scaling/scalers_builder.go</c>): turns each trigger, the TriggerAuthentication it
/// references and the scale target's container env into a <see cref="ScalerConfig"/>, reading objects through
/// <see cref="IObjectsAtHand"/> — the input files for <c>validate</c>, the informer caches for the operator.
/// </summary>
internal sealed class ScalerConfigBuilder(IObjectsAtHand objects, string clusterObjectNamespace)
{
    private readonly TriggerAuthResolver _authResolver = new(objects, clusterObjectNamespace);

    public ScalerConfigSet Build(
        IReadOnlyList<ScaleTrigger> triggers, ScaleTargetResolution target, string name, string @namespace, string kind)
    {
        var sensitive = new HashSet<string>(StringComparer.Ordinal);
        IReadOnlyDictionary<string, string> env = new Dictionary<string, string>();
        string? envError = null;
        IReadOnlyList<string> envWarnings = [];
        if (target.PodSpec is not null)
        {
            var resolved = ContainerEnvResolver.Resolve(objects, target.PodSpec, target.EnvSourceContainerName, @namespace);
            envError = resolved.Error is null ? null : $"error resolving secrets for ScaleTarget: {resolved.Error}";
            sensitive.UnionWith(resolved.SensitiveValues);
            env = resolved.Env;
            envWarnings = resolved.Warnings;
        }

        var configs = new List<TriggerScalerConfig>(triggers.Count);
        for (var index = 0; index < triggers.Count; index++)
        {
            var trigger = triggers[index];
            var auth = _authResolver.Resolve(trigger.AuthenticationRef, target.PodSpec, @namespace);
            sensitive.UnionWith(auth.SensitiveValues);
            var config = new ScalerConfig
            {
                TriggerType = trigger.Type,
                TriggerName = trigger.Name ?? "",
                TriggerIndex = index,
                TriggerMetadata = trigger.Metadata ?? [],
                AuthParams = auth.AuthParams,
                ResolvedEnv = env,
                MetricType = trigger.MetricType ?? "",
                UseCachedMetrics = trigger.UseCachedMetrics,
                PodIdentity = auth.PodIdentity,
                ScalableObjectName = name,
                ScalableObjectNamespace = @namespace,
                ScalableObjectType = kind,
            };
            var prefix = $"trigger {index} ({trigger.Type}): ";
            configs.Add(new TriggerScalerConfig(
                index, trigger, config, [.. auth.Errors.Select(e => prefix + e)], [.. auth.Warnings.Select(w => prefix + w)])
            {
                HasUncheckedReferences = auth.HasUncheckedReferences,
            });
        }

        return new ScalerConfigSet(configs, envError, sensitive) { EnvWarnings = envWarnings };
    }
}
