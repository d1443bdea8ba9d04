using k8s;
using k8s.Models;
using Kubernetes.Controller;
using Operator.Api;
using Operator.Controllers;

namespace Operator.Telemetry;

/// <summary>
/// Keeps KEDA's registration gauges (<c>keda_resource_registered_total</c>/<c>keda_resource_totals</c> per CRD type and
/// namespace, <c>keda_trigger_registered_total</c>/<c>keda_trigger_totals</c> per trigger type) in step with the
/// informer caches: an object counts from its first sighting until it is deleted; a changed trigger list moves counts.
/// </summary>
internal sealed class ResourceTotals
{
    public const string ScaledObjectType = "scaled_object";
    public const string TriggerAuthenticationType = "trigger_authentication";
    public const string ClusterTriggerAuthenticationType = "cluster_trigger_authentication";

    private readonly OperatorMetrics _metrics;
    private readonly Dictionary<(string Type, string Key), string[]> _seen = [];
    private readonly Lock _lock = new();

    public ResourceTotals(OperatorInformers informers, OperatorMetrics metrics)
    {
        _metrics = metrics;
        informers.ScaledObjects.Changed += (type, so) => Track(ScaledObjectType, type, so.Metadata, [.. (so.Spec.Triggers ?? []).Select(t => t.Type)]);
        informers.TriggerAuthentications.Changed += (type, auth) => Track(TriggerAuthenticationType, type, auth.Metadata, []);
        informers.ClusterTriggerAuthentications.Changed += (type, auth) => Track(ClusterTriggerAuthenticationType, type, auth.Metadata, []);
    }

    private void Track(string resourceType, WatchEventType eventType, V1ObjectMeta meta, string[] triggers)
    {
        var key = (resourceType, ObjectKey.Of(meta));
        var ns = meta.NamespaceProperty ?? "";
        lock (_lock)
        {
            var known = _seen.TryGetValue(key, out var previous);
            if (eventType == WatchEventType.Deleted)
            {
                if (known)
                {
                    _seen.Remove(key);
                    _metrics.DecrementResourceTotal(resourceType, ns);
                    Move(previous!, []);
                }

                return;
            }

            if (!known)
            {
                _metrics.IncrementResourceTotal(resourceType, ns);
            }

            Move(previous ?? [], triggers);
            _seen[key] = triggers;
        }
    }

    private void Move(string[] from, string[] to)
    {
        foreach (var type in from)
        {
            _metrics.DecrementTriggerTotal(type);
        }

        foreach (var type in to)
        {
            _metrics.IncrementTriggerTotal(type);
        }
    }
}
