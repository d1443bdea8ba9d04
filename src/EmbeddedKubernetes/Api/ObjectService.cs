using System.Globalization;
using System.Text.Json.Nodes;
using EmbeddedKubernetes.Crds;
using EmbeddedKubernetes.Resources;
using EmbeddedKubernetes.Storage;

namespace EmbeddedKubernetes.Api;

/// <summary>
/// The API semantics of kube-apiserver's generic registry over <see cref="ObjectStore"/>: create, read, update,
/// patch and delete with resourceVersion checks, generation rules, status/scale subresources and finalizers.
/// Transport-free so the HTTP layer, the garbage collector and tests share one implementation.
/// </summary>
internal sealed partial class ObjectService
{
    private readonly ObjectStore _store;
    private readonly ResourceRegistry _registry;
    private readonly TimeProvider _time;
    private readonly Lock _serviceAllocation = new();

    public ObjectService(ObjectStore store, ResourceRegistry registry, TimeProvider time)
    {
        _store = store;
        _registry = registry;
        _time = time;
    }

    public ObjectStore Store => _store;

    public ResourceRegistry Registry => _registry;

    public ApiResult Get(ResourceType type, string ns, string name)
    {
        var found = _store.Get(type.GroupResource, ns, name);
        return found is null ? ApiError.NotFound(type, name) : ApiResult.Success(Present(type, found));
    }

    /// <summary>The stored object as the requested version presents it (apiVersion rewritten, fields converted where versions differ).</summary>
    public static JsonObject Present(ResourceType type, StoredObject stored)
    {
        var node = stored.ToNode();
        node["apiVersion"] = type.GroupVersion;
        VersionConversion.FromStorage(type, node);
        return node;
    }

    private string Now() => _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private ApiError? CheckNamespace(ResourceType type, string ns, string name, bool creating)
    {
        if (!type.Namespaced)
        {
            return null;
        }

        var nsType = _registry.Find("", "v1", "namespaces")!;
        var found = _store.Get(nsType.GroupResource, "", ns);
        if (found is null)
        {
            return ApiError.NamespaceNotFound(ns);
        }

        if (creating && found.Deleting)
        {
            return ApiError.Forbidden(type, name, $"unable to create new content in namespace {ns} because it is being terminated");
        }

        return null;
    }

    private static JsonObject Metadata(JsonObject node)
    {
        if (node["metadata"] is not JsonObject metadata)
        {
            metadata = [];
            node["metadata"] = metadata;
        }

        return metadata;
    }

    /// <summary>Copies a value (a clone) or removes the key when there is none, so no JSON nulls leak into objects.</summary>
    private static void SetOrRemove(JsonObject target, string key, JsonNode? value)
    {
        if (value is null)
        {
            target.Remove(key);
        }
        else
        {
            target[key] = value.DeepClone();
        }
    }

    private static string? Str(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The apiVersion/kind in a body must match the URL; missing ones are filled in; fields take the stored shape.</summary>
    private static ApiError? CheckTypeMeta(ResourceType type, JsonObject body)
    {
        var apiVersion = Str(body["apiVersion"]);
        var kind = Str(body["kind"]);
        if (!string.IsNullOrEmpty(apiVersion) && apiVersion != type.GroupVersion)
        {
            return ApiError.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({type.GroupVersion})");
        }

        if (!string.IsNullOrEmpty(kind) && kind != type.Kind)
        {
            return ApiError.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({type.Kind})");
        }

        body["apiVersion"] = type.GroupVersion;
        body["kind"] = type.Kind;
        VersionConversion.ToStorage(type, body);
        return null;
    }

    /// <summary>Everything outside metadata (and status when it is a subresource) — what generation tracks.</summary>
    private static bool SpecChanged(ResourceType type, JsonObject before, JsonObject after)
    {
        var keys = before.Select(kv => kv.Key).Union(after.Select(kv => kv.Key))
            .Where(k => k is not ("metadata" or "apiVersion" or "kind") && !(type.HasStatus && k == "status"));
        return keys.Any(k => !JsonNode.DeepEquals(before[k], after[k]));
    }

    private ResourceType StorageType(ResourceType type) => _registry.FindStorage(type.GroupResource) ?? type;

    /// <summary>
    /// Commits the node if the stored object is still <paramref name="expected"/> (null: none exists yet); null when a
    /// concurrent write came first. Everything before this (patching, defaulting, validation) ran without a lock.
    /// </summary>
    private StoredObject? CommitIf(ResourceType type, JsonObject node, WatchEventType change, StoredObject? expected)
    {
        node["apiVersion"] = StorageType(type).GroupVersion;
        return _store.TryPut(type.GroupResource, node, change, expected);
    }

    /// <summary>A write lost a race with another write to the same object: the caller re-reads and applies again.</summary>
    private static readonly ApiError Retry = new(409, "Conflict", "retry");

    private static bool IsRetry(ApiResult result) => ReferenceEquals(result.Error, Retry);
}
