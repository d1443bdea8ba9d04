using System.Globalization;
using System.Text.Json.Nodes;
using EmbeddedKubernetes.Patching;
using EmbeddedKubernetes.Resources;
using EmbeddedKubernetes.Storage;
using Kubernetes.Controller.Selectors;

namespace EmbeddedKubernetes.Api;

internal sealed partial class ObjectService
{
    /// <summary>GET /scale: an autoscaling/v1 Scale view of the parent (spec/status replicas, status.selector).</summary>
    public ApiResult GetScale(ResourceType type, string ns, string name)
    {
        if (type.Scale is null)
        {
            return ApiError.PathNotFound();
        }

        var found = _store.Get(type.GroupResource, type.Namespaced ? ns : "", name);
        return found is null ? ApiError.NotFound(type, name) : ApiResult.Success(ScaleView(type, found));
    }

    /// <summary>PUT /scale: resourceVersion-checked write of spec.replicas on the parent (a spec change: generation +1).</summary>
    public ApiResult UpdateScale(ResourceType type, string ns, string name, JsonObject body, WriteOptions options)
    {
        if (type.Scale is null)
        {
            return ApiError.PathNotFound();
        }

        while (true)
        {
            var current = _store.Get(type.GroupResource, type.Namespaced ? ns : "", name);
            if (current is null)
            {
                return ApiError.NotFound(type, name);
            }

            var requested = Str(body["metadata"]?["resourceVersion"]);
            if (!string.IsNullOrEmpty(requested) && requested != current.ResourceVersion.ToString(CultureInfo.InvariantCulture))
            {
                return ApiError.Conflict(type, name);
            }

            var result = WriteReplicas(type, current, body, options);
            if (!IsRetry(result))
            {
                return result;
            }
        }
    }

    private ApiResult PatchScale(ResourceType type, StoredObject current, string mediaType, JsonNode patch, WriteOptions options)
    {
        var view = ScaleView(type, current);
        JsonObject? patched = mediaType switch
        {
            JsonPatchType => JsonPatch.Apply(view, patch.AsArray(), out _) as JsonObject,
            StrategicPatchType => StrategicMergePatch.Apply(view, patch.AsObject()),
            _ => JsonMergePatch.Apply(view, patch) as JsonObject,
        };
        if (patched is null)
        {
            return ApiError.BadRequest("the patch could not be applied to the Scale object");
        }

        var requested = Str(patched["metadata"]?["resourceVersion"]);
        if (!string.IsNullOrEmpty(requested) && requested != current.ResourceVersion.ToString(CultureInfo.InvariantCulture))
        {
            return ApiError.Conflict(type, current.Name);
        }

        return WriteReplicas(type, current, patched, options);
    }

    private ApiResult WriteReplicas(ResourceType type, StoredObject current, JsonObject scale, WriteOptions options)
    {
        var replicasNode = scale["spec"]?["replicas"];
        var replicas = replicasNode is JsonValue v && v.TryGetValue<long>(out var r) ? r : 0;
        if (replicas < 0)
        {
            return ApiError.Invalid(type, current.Name, [FieldError.InvalidValue("spec.replicas", replicas.ToString(CultureInfo.InvariantCulture), "must be greater than or equal to 0")]);
        }

        var old = current.ToNode();
        var next = old.DeepClone().AsObject();
        SetPath(next, type.Scale!.SpecReplicasPath, replicas);
        var result = Replace(type, current, old, next, options);
        if (!result.Ok)
        {
            return result;
        }

        var stored = _store.Get(type.GroupResource, current.Namespace, current.Name) ?? current;
        return ApiResult.Success(ScaleView(type, stored));
    }

    private static JsonObject ScaleView(ResourceType type, StoredObject stored)
    {
        var node = stored.ToNode();
        var scale = type.Scale!;
        var selectorNode = scale.LabelSelectorPath is null ? null : GetPath(node, scale.LabelSelectorPath);
        var selector = type.IsBuiltIn
            ? LabelSelector.Format(node["spec"]?["selector"] as JsonObject)
            : Str(selectorNode) ?? "";
        var metadata = node["metadata"]!.AsObject();
        var status = new JsonObject { ["replicas"] = GetPath(node, scale.StatusReplicasPath)?.DeepClone() ?? 0 };
        if (selector.Length > 0)
        {
            status["selector"] = selector;
        }

        var scaleMetadata = new JsonObject
        {
            ["name"] = metadata["name"]?.DeepClone(),
            ["uid"] = metadata["uid"]?.DeepClone(),
            ["resourceVersion"] = metadata["resourceVersion"]?.DeepClone(),
            ["creationTimestamp"] = metadata["creationTimestamp"]?.DeepClone(),
        };
        if (metadata["namespace"] is not null)
        {
            scaleMetadata["namespace"] = metadata["namespace"]!.DeepClone();
        }

        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = scaleMetadata,
            ["spec"] = new JsonObject { ["replicas"] = GetPath(node, scale.SpecReplicasPath)?.DeepClone() ?? 0 },
            ["status"] = status,
        };
    }

    internal static JsonNode? GetPath(JsonNode? node, string dottedPath)
    {
        foreach (var segment in dottedPath.TrimStart('.').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node is JsonObject obj ? obj[segment] : null;
        }

        return node;
    }

    private static void SetPath(JsonObject root, string dottedPath, long value)
    {
        var segments = dottedPath.TrimStart('.').Split('.', StringSplitOptions.RemoveEmptyEntries);
        var node = root;
        foreach (var segment in segments[..^1])
        {
            if (node[segment] is not JsonObject child)
            {
                child = [];
                node[segment] = child;
            }

            node = child;
        }

        node[segments[^1]] = value;
    }
}
