using System.Text.Json;
using System.Text.Json.Nodes;
using EmbeddedKubernetes.Patching;
using EmbeddedKubernetes.Resources;

namespace EmbeddedKubernetes.Api;

internal sealed partial class ObjectService
{
    public const string JsonPatchType = "application/json-patch+json";
    public const string MergePatchType = "application/merge-patch+json";
    public const string StrategicPatchType = "application/strategic-merge-patch+json";
    public const string ApplyPatchType = "application/apply-patch+yaml";

    /// <summary>
    /// PATCH by Content-Type. A patch that carries metadata.resourceVersion is a precondition (409 when stale).
    /// Apply creates a missing object; the other patch types answer 404.
    /// </summary>
    public ApiResult Patch(ResourceType type, string ns, string name, string contentType, string body, Subresource subresource, WriteOptions options)
    {
        var mediaType = contentType.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not (JsonPatchType or MergePatchType or StrategicPatchType or ApplyPatchType)
            || (mediaType == StrategicPatchType && !type.IsBuiltIn))
        {
            return ApiError.UnsupportedMediaType(contentType, type.IsBuiltIn);
        }

        if (mediaType == ApplyPatchType && string.IsNullOrEmpty(options.FieldManager))
        {
            return ApiError.BadRequest("PATCH with apply-patch+yaml requires a fieldManager query parameter");
        }

        JsonNode? patch;
        try
        {
            patch = mediaType == ApplyPatchType ? ServerSideApply.ParseBody(body) : JsonNode.Parse(body);
        }
        catch (Exception ex) when (ex is JsonException or YamlDotNet.Core.YamlException)
        {
            return ApiError.BadRequest($"error decoding patch: {ex.Message}");
        }

        if (patch is null || (mediaType == JsonPatchType ? patch is not JsonArray : patch is not JsonObject))
        {
            return ApiError.BadRequest(mediaType == JsonPatchType ? "json patch must be an array of operations" : "patch body must be a JSON object");
        }

        ns = type.Namespaced ? ns : "";
        while (true)
        {
            var current = _store.Get(type.GroupResource, ns, name);
            if (current is null)
            {
                if (mediaType == ApplyPatchType && subresource == Subresource.None)
                {
                    return ApplyCreate(type, ns, name, patch.AsObject(), options);
                }

                return ApiError.NotFound(type, name);
            }

            if (subresource == Subresource.Scale)
            {
                var scaled = PatchScale(type, current, mediaType, patch, options);
                if (IsRetry(scaled))
                {
                    continue;
                }

                return scaled;
            }

            var live = Present(type, current);
            var patched = ApplyPatch(type, live, mediaType, patch, options, out var error);
            if (patched is null)
            {
                return error!;
            }

            var currentVersion = current.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (Str(patched["metadata"]?["resourceVersion"]) is { Length: > 0 } requested && requested != currentVersion)
            {
                return ApiError.Conflict(type, name);
            }

            if (CheckTypeMeta(type, patched) is { } typeError)
            {
                return typeError;
            }

            var old = current.ToNode();
            JsonObject next;
            if (subresource == Subresource.Status)
            {
                next = old.DeepClone().AsObject();
                SetOrRemove(next, "status", patched["status"]);
            }
            else
            {
                next = patched;
                if (type.HasStatus)
                {
                    SetOrRemove(next, "status", old["status"]);
                }
            }

            var result = Replace(type, current, old, next, options);
            if (!IsRetry(result))
            {
                return result;
            }
        }
    }

    private JsonObject? ApplyPatch(ResourceType type, JsonObject live, string mediaType, JsonNode patch, WriteOptions options, out ApiError? error)
    {
        error = null;
        var name = Str(live["metadata"]?["name"]) ?? "";
        switch (mediaType)
        {
            case JsonPatchType:
                var result = JsonPatch.Apply(live, patch.AsArray(), out var message);
                if (result is not JsonObject patchedObject)
                {
                    error = ApiError.Invalid(type, name, [new FieldError("", "FieldValueInvalid", message ?? "the patch did not produce an object")]);
                    return null;
                }

                return patchedObject;
            case MergePatchType:
                return JsonMergePatch.Apply(live, patch) as JsonObject;
            case StrategicPatchType:
                return StrategicMergePatch.Apply(live, patch.AsObject());
            default:
                var outcome = ServerSideApply.Apply(live, patch.AsObject(), options.FieldManager!, options.Force, type.IsBuiltIn, Now());
                if (outcome.Merged is null)
                {
                    error = ApplyConflict(type, name, outcome.Conflicts);
                }

                return outcome.Merged;
        }
    }

    private ApiResult ApplyCreate(ResourceType type, string ns, string name, JsonObject config, WriteOptions options)
    {
        var seed = new JsonObject { ["apiVersion"] = type.GroupVersion, ["kind"] = type.Kind, ["metadata"] = new JsonObject { ["name"] = name } };
        if (type.Namespaced)
        {
            seed["metadata"]!["namespace"] = ns;
        }

        var outcome = ServerSideApply.Apply(seed, config, options.FieldManager!, options.Force, type.IsBuiltIn, Now());
        var created = outcome.Merged!;
        if (Str(created["metadata"]?["name"]) != name)
        {
            return ApiError.BadRequest($"the name of the object ({Str(created["metadata"]?["name"])}) does not match the name on the URL ({name})");
        }

        return Create(type, ns, created, options);
    }

    private static ApiError ApplyConflict(ResourceType type, string name, IReadOnlyList<(string Manager, string Field)> conflicts)
    {
        var causes = new JsonArray();
        foreach (var (manager, field) in conflicts)
        {
            causes.Add(new JsonObject { ["reason"] = "FieldManagerConflict", ["message"] = $"conflict with \"{manager}\"", ["field"] = field });
        }

        var lines = string.Join("\n", conflicts.Select(c => $"- {c.Manager}: {c.Field}"));
        var details = new JsonObject { ["name"] = name, ["kind"] = type.Plural, ["causes"] = causes };
        var count = conflicts.Count == 1 ? "1 conflict" : $"{conflicts.Count} conflicts";
        return new ApiError(409, "Conflict", $"Apply failed with {count}: conflict with {string.Join(", ", conflicts.Select(c => $"\"{c.Manager}\"").Distinct())}:\n{lines}", details);
    }
}
