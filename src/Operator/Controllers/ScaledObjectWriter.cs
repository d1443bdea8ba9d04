using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Kubernetes.Controller.Events;
using Operator.Api;
using Operator.Scaling.Events;
using Operator.Scaling.Status;

namespace Operator.Controllers;

/// <summary>
/// Writes a ScaledObject's status and records its Events. A write sends only what its writer changed
/// (<see cref="ScaledObjectStatusDelta"/>) as a merge patch of <c>/status</c> guarded by the resourceVersion it was
/// computed against; on a conflict it re-reads the object and re-applies the same change, so the controller and the
/// scale loop writing at once never lose each other's fields (KEDA's merge patch with conflict retry).
/// </summary>
internal sealed class ScaledObjectWriter(IKubernetes client, EventRecorder events)
{
    private const int MaxAttempts = 10;

    /// <summary>
    /// Patches the members of <c>status</c> that differ between <paramref name="so"/>'s status and
    /// <paramref name="status"/>; returns false when nothing changed or the ScaledObject is gone.
    /// </summary>
    public async Task<bool> WriteStatusAsync(ScaledObject so, ScaledObjectStatus status, CancellationToken cancellationToken)
    {
        var delta = ScaledObjectStatusDelta.Between(so.Status, status);
        if (delta.IsEmpty)
        {
            return false;
        }

        var current = so;
        for (var attempt = 1; ; attempt++)
        {
            var patch = new JsonObject
            {
                ["metadata"] = new JsonObject { ["resourceVersion"] = current.Metadata.ResourceVersion },
                ["status"] = delta.MergePatchOnto(current.Status),
            };
            try
            {
                await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch),
                    ScaledObject.KubeGroup, ScaledObject.KubeVersion, so.Metadata.NamespaceProperty, ScaledObject.KubePlural, so.Metadata.Name,
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.Conflict && attempt < MaxAttempts)
            {
                if (await ReadAsync(so, cancellationToken).ConfigureAwait(false) is not { } fresh)
                {
                    return false;
                }

                current = fresh;
            }
            catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.NotFound)
            {
                return false;
            }
        }
    }

    public Task EventAsync(ScaledObject so, ScaleEvent scaleEvent, CancellationToken cancellationToken) =>
        events.RecordAsync(so, scaleEvent.Type, scaleEvent.Reason, scaleEvent.Message, cancellationToken);

    public Task EventAsync(ScaledObject so, string type, string reason, string message, CancellationToken cancellationToken) =>
        events.RecordAsync(so, type, reason, message, cancellationToken);

    private async Task<ScaledObject?> ReadAsync(ScaledObject so, CancellationToken cancellationToken)
    {
        try
        {
            var body = await client.CustomObjects.GetNamespacedCustomObjectAsync(ScaledObject.KubeGroup, ScaledObject.KubeVersion,
                so.Metadata.NamespaceProperty, ScaledObject.KubePlural, so.Metadata.Name, cancellationToken).ConfigureAwait(false);
            return body is JsonElement json ? KedaJson.Deserialize<ScaledObject>(json) : KedaJson.Deserialize<ScaledObject>(KedaJson.Serialize(body));
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
