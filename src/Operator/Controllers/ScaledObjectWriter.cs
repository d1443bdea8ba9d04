using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Kubernetes.Controller.Events;
using Operator.Api;
using Operator.Scaling.Events;

namespace Operator.Controllers;

/// <summary>Writes a ScaledObject's status (a merge patch of /status, only when it changed) and records its Events.</summary>
internal sealed class ScaledObjectWriter(IKubernetes client, EventRecorder events)
{
    public static ScaledObjectStatus CloneStatus(ScaledObject so) =>
        so.Status is null ? new ScaledObjectStatus() : KubernetesJson.Deserialize<ScaledObjectStatus>(KubernetesJson.Serialize(so.Status));

    /// <summary>Patches <c>status</c> when <paramref name="status"/> differs from what <paramref name="so"/> carries.</summary>
    public async Task<bool> WriteStatusAsync(ScaledObject so, ScaledObjectStatus status, CancellationToken cancellationToken)
    {
        var wanted = KubernetesJson.Serialize(status);
        if (so.Status is not null && KubernetesJson.Serialize(so.Status) == wanted)
        {
            return false;
        }

        var patch = new V1Patch(new JsonObject { ["status"] = JsonNode.Parse(wanted) }.ToJsonString(), V1Patch.PatchType.MergePatch);
        await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(patch, ScaledObject.KubeGroup, ScaledObject.KubeVersion,
            so.Metadata.NamespaceProperty, ScaledObject.KubePlural, so.Metadata.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
        so.Status = status;
        return true;
    }

    public Task EventAsync(ScaledObject so, ScaleEvent scaleEvent, CancellationToken cancellationToken) =>
        events.RecordAsync(so, scaleEvent.Type, scaleEvent.Reason, scaleEvent.Message, cancellationToken);

    public Task EventAsync(ScaledObject so, string type, string reason, string message, CancellationToken cancellationToken) =>
        events.RecordAsync(so, type, reason, message, cancellationToken);
}
