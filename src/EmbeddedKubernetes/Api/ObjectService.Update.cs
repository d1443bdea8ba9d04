using System.Text.Json.Nodes;
using EmbeddedKubernetes.Resources;
using EmbeddedKubernetes.Storage;

namespace EmbeddedKubernetes.Api;

internal sealed partial class ObjectService
{
    private static readonly string[] ServerOwnedMetadata = ["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation"];

    /// <summary>PUT on the object or its /status: optimistic concurrency, status handling, generation bump.</summary>
    public ApiResult Update(ResourceType type, string ns, string name, JsonObject body, Subresource subresource, WriteOptions options)
    {
        if (CheckTypeMeta(type, body) is { } typeError)
        {
            return typeError;
        }

        var metadata = Metadata(body);
        if (Str(metadata["name"]) is { Length: > 0 } bodyName && bodyName != name)
        {
            return ApiError.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }

        if (type.Namespaced && Str(metadata["namespace"]) is { Length: > 0 } bodyNs && bodyNs != ns)
        {
            return ApiError.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        metadata["name"] = name;
        var requestedVersion = Str(metadata["resourceVersion"]);
        var pristine = string.IsNullOrEmpty(requestedVersion) ? body.DeepClone().AsObject() : null;
        for (var attempt = 0; ; attempt++)
        {
            var attemptBody = attempt == 0 || pristine is null ? body : pristine.DeepClone().AsObject();
            var current = _store.Get(type.GroupResource, type.Namespaced ? ns : "", name);
            if (current is null)
            {
                if (type.AllowCreateOnUpdate && subresource == Subresource.None)
                {
                    return Create(type, ns, attemptBody, options);
                }

                return ApiError.NotFound(type, name);
            }

            if (string.IsNullOrEmpty(requestedVersion))
            {
                if (!type.AllowUnconditionalUpdate)
                {
                    return ApiError.Invalid(type, name,
                        [new FieldError("metadata.resourceVersion", "FieldValueInvalid", "Invalid value: 0x0: must be specified for an update")]);
                }
            }
            else if (requestedVersion != current.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                return ApiError.Conflict(type, name);
            }

            var old = current.ToNode();
            JsonObject next;
            if (subresource == Subresource.Status)
            {
                next = old.DeepClone().AsObject();
                SetOrRemove(next, "status", attemptBody["status"]);
            }
            else
            {
                next = attemptBody;
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

    /// <summary>
    /// Commits <paramref name="next"/> over <paramref name="current"/> (parsed as <paramref name="old"/>), or answers
    /// <see cref="Retry"/> when another write replaced <paramref name="current"/> meanwhile.
    /// </summary>
    private ApiResult Replace(ResourceType type, StoredObject current, JsonObject old, JsonObject next, WriteOptions options)
    {
        var oldMeta = Metadata(old);
        var nextMeta = Metadata(next);
        var name = Str(oldMeta["name"]) ?? "";
        foreach (var key in ServerOwnedMetadata)
        {
            SetOrRemove(nextMeta, key, oldMeta[key]);
        }

        SetOrRemove(nextMeta, "name", oldMeta["name"]);
        SetOrRemove(nextMeta, "namespace", oldMeta["namespace"]);
        nextMeta.Remove("resourceVersion");

        if (oldMeta["deletionTimestamp"] is not null && AddsFinalizers(oldMeta, nextMeta))
        {
            return ApiError.Invalid(type, name,
                [FieldError.Forbidden("metadata.finalizers", "no new finalizers can be added if the object is being deleted")]);
        }

        if (Prepare(type, next, old) is { } invalid)
        {
            return invalid;
        }

        if (SpecChanged(type, old, next))
        {
            nextMeta["generation"] = (oldMeta["generation"]?.GetValue<long>() ?? 0) + 1;
        }

        var oldVersion = oldMeta["resourceVersion"]?.DeepClone();
        oldMeta.Remove("resourceVersion");
        old["apiVersion"] = next["apiVersion"]?.DeepClone();
        if (JsonNode.DeepEquals(old, next))
        {
            // kube-apiserver short-circuits a write that changes nothing: no new resourceVersion, no event.
            nextMeta["resourceVersion"] = oldVersion;
            return ApiResult.Success(next);
        }

        if (options.DryRun)
        {
            nextMeta["resourceVersion"] = oldVersion;
            return ApiResult.Success(next);
        }

        var ns = Str(nextMeta["namespace"]) ?? "";
        // The last finalizer gone ends a deletion, unless a graceful pod deletion still waits for its kubelet.
        if (nextMeta["deletionTimestamp"] is not null && (nextMeta["finalizers"] as JsonArray ?? []).Count == 0
            && (nextMeta["deletionGracePeriodSeconds"] is not JsonValue grace || grace.GetValue<long>() == 0))
        {
            if (CommitIf(type, next, WatchEventType.Modified, current) is not { } last)
            {
                return Retry;
            }

            var removed = _store.TryRemove(type.GroupResource, ns, name, last);
            return removed is null ? ApiError.NotFound(type, name) : ApiResult.Success(Present(type, removed));
        }

        var stored = CommitIf(type, next, WatchEventType.Modified, current);
        return stored is null ? Retry : ApiResult.Success(Present(type, stored));
    }

    private static bool AddsFinalizers(JsonObject oldMeta, JsonObject nextMeta)
    {
        var before = (oldMeta["finalizers"] as JsonArray ?? []).Select(Str).ToHashSet();
        return (nextMeta["finalizers"] as JsonArray ?? []).Select(Str).Any(f => !before.Contains(f));
    }
}
