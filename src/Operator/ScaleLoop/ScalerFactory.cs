using Operator.Api;
using Operator.Controllers;
using Operator.Manifests;
using Operator.Resolution;
using Operator.Scalers;

namespace Operator.ScaleLoop;

/// <summary>
/// Builds a ScaledObject's scalers from the informer caches: the target's container env, each trigger's
/// TriggerAuthentication/ClusterTriggerAuthentication, then KEDA's builder per trigger type.
/// </summary>
internal sealed class ScalerFactory(OperatorInformers informers, string clusterObjectNamespace, ScalerServices services)
{
    public BuiltScalers Build(ScaledObject so)
    {
        var ns = so.Metadata.NamespaceProperty;
        var set = informers.Snapshot(ns);
        var target = ScaleTargetResolver.Resolve(set, so);
        IReadOnlyDictionary<string, string> env = new Dictionary<string, string>();
        string? envError = null;
        if (target.PodSpec is not null)
        {
            var resolved = ContainerEnvResolver.Resolve(set, target.PodSpec, target.EnvSourceContainerName, ns);
            env = resolved.Env;
            envError = resolved.Error;
        }

        var authResolver = new TriggerAuthResolver(set, clusterObjectNamespace);
        var built = new List<BuiltScaler>();
        var triggers = so.Spec.Triggers ?? [];
        for (var index = 0; index < triggers.Count; index++)
        {
            var trigger = triggers[index];
            var auth = authResolver.Resolve(trigger.AuthenticationRef, target.PodSpec, ns);
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
                ScalableObjectName = so.Metadata.Name,
                ScalableObjectNamespace = ns,
                ScalableObjectType = ManifestKinds.ScaledObject,
            };
            var errors = new List<string>(auth.Errors);
            if (envError is not null)
            {
                errors.Add($"error resolving secrets for ScaleTarget: {envError}");
            }

            var result = ScalerRegistry.Build(config, services);
            errors.AddRange(result.Errors);
            IScaler? scaler = result.Scaler;
            if (errors.Count > 0 && scaler is not null)
            {
                _ = scaler.DisposeAsync().AsTask();
                scaler = null;
            }

            built.Add(new BuiltScaler(index, trigger, config, scaler, errors));
        }

        return new BuiltScalers(so.Metadata.Generation ?? 0, built);
    }
}
