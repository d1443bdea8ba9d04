using System.Globalization;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Kubernetes.Controller.Events;

/// <summary>
/// Records core/v1 Events about objects, the way client-go's recorder does (name "&lt;object&gt;.&lt;hex&gt;",
/// source.component, first/last timestamps, count 1). Failures are logged, never thrown: events are best effort.
/// </summary>
public sealed class EventRecorder(IKubernetes client, string component, TimeProvider time, ILogger logger)
{
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
        return CreateAsync(ev, obj.Kind, $"{ns}/{meta.Name}", cancellationToken);
    }

    private async Task CreateAsync(Corev1Event ev, string kind, string key, CancellationToken cancellationToken)
    {
        try
        {
            await client.CoreV1.CreateNamespacedEventAsync(ev, ev.Metadata.NamespaceProperty, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            EventLog.EventFailed(logger, ev.Reason, kind, key, ex.Message);
        }
    }
}
