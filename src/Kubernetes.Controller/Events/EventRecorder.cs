using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Kubernetes.Controller.Events;

/// <summary>
/// Records core/v1 Events about objects, the way client-go's recorder does (name "&lt;object&gt;.&lt;hex&gt;",
/// source.component, first/last timestamps, count 1), correlated as client-go correlates them: a repeat of an Event
/// raises the count of the one already written (<c>kubectl get events</c>: "(x5 over 2m)"), and many different
/// messages of one reason on one object fold into a combined Event (<see cref="EventCorrelator"/>). Failures are
/// logged, never thrown: events are best effort.
/// </summary>
public sealed class EventRecorder(IKubernetes client, string component, TimeProvider time, ILogger logger)
{
    private readonly EventCorrelator _correlator = new(time);

    public const string Normal = "Normal";
    public const string Warning = "Warning";

    public Task RecordAsync(IKubernetesObject<V1ObjectMeta> obj, string type, string reason, string message,
        CancellationToken cancellationToken = default)
    {
        var meta = obj.Metadata;
        var now = time.GetUtcNow().UtcDateTime;
        var ns = string.IsNullOrEmpty(meta.NamespaceProperty) ? "default" : meta.NamespaceProperty;
        var suffix = ((ulong)time.GetTimestamp() ^ (ulong)Random.Shared.NextInt64()).ToString("x", CultureInfo.InvariantCulture);
        var ev = new Corev1Event
        {
            ApiVersion = "v1",
            Kind = "Event",
            Metadata = new V1ObjectMeta { Name = $"{meta.Name}.{suffix}", NamespaceProperty = ns },
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = obj.ApiVersion,
                Kind = obj.Kind,
                Name = meta.Name,
                NamespaceProperty = meta.NamespaceProperty,
                Uid = meta.Uid,
                ResourceVersion = meta.ResourceVersion,
            },
            Reason = reason,
            Message = message,
            Type = type,
            Source = new V1EventSource { Component = component },
            ReportingComponent = component,
            FirstTimestamp = now,
            LastTimestamp = now,
            Count = 1,
        };
        return WriteAsync(_correlator.Correlate(ev), obj.Kind, $"{ns}/{meta.Name}", cancellationToken);
    }

    private async Task WriteAsync(EventCorrelation correlation, string kind, string key, CancellationToken cancellationToken)
    {
        var ev = correlation.Event;
        try
        {
            if (correlation.IsUpdate && await PatchAsync(ev, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            await client.CoreV1.CreateNamespacedEventAsync(ev, ev.Metadata.NamespaceProperty, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            EventLog.EventFailed(logger, ev.Reason, kind, key, ex.Message);
        }
    }

    // client-go patches count, lastTimestamp and message; false when the Event is gone (expired), so it is created again.
    private async Task<bool> PatchAsync(Corev1Event ev, CancellationToken cancellationToken)
    {
        var patch = new JsonObject
        {
            ["count"] = ev.Count,
            ["lastTimestamp"] = ev.LastTimestamp?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["message"] = ev.Message,
        };
        try
        {
            await client.CoreV1.PatchNamespacedEventAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), ev.Metadata.Name,
                ev.Metadata.NamespaceProperty, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
