using System.Text.Json.Nodes;
using EmbeddedKubernetes.Resources;
using EmbeddedKubernetes.Storage;

namespace EmbeddedKubernetes.Api;

/// <summary>DeleteOptions as the API accepts them (body or query).</summary>
internal sealed record DeleteRequest(
    string? PropagationPolicy = null, string? PreconditionUid = null, string? PreconditionResourceVersion = null, bool DryRun = false, long? GracePeriodSeconds = null)
{
    public static DeleteRequest Default { get; } = new();
}

internal sealed partial class ObjectService
{
    public const string OrphanFinalizer = "orphan";
    public const string ForegroundFinalizer = "foregroundDeletion";

    /// <summary>
    /// DELETE: with finalizers the object only gains deletionTimestamp (202); without, it is removed (200).
    /// Orphan and Foreground propagation add the finalizers the garbage collector acts on.
    /// </summary>
    public ApiResult Delete(ResourceType type, string ns, string name, DeleteRequest request)
    {
        ns = type.Namespaced ? ns : "";
        while (true)
        {
            var current = _store.Get(type.GroupResource, ns, name);
            if (current is null)
            {
                return ApiError.NotFound(type, name);
            }

            if (request.PreconditionUid is { Length: > 0 } uid && uid != current.Uid)
            {
                return ApiError.Conflict(type, name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {current.Uid}");
            }

            var currentVersion = current.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (request.PreconditionResourceVersion is { Length: > 0 } rv && rv != currentVersion)
            {
                return ApiError.Conflict(type, name, $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {currentVersion}");
            }

            var policy = request.PropagationPolicy ?? DefaultPropagation(type);
            if (policy is not ("Orphan" or "Background" or "Foreground"))
            {
                return ApiError.Invalid(type, name, [FieldError.NotSupported("propagationPolicy", policy, ["Foreground", "Background", "Orphan"])]);
            }

            var node = current.ToNode();
            var metadata = Metadata(node);
            var finalizers = metadata["finalizers"] as JsonArray ?? [];
            var names = finalizers.Select(Str).ToList();
            var extra = policy switch { "Orphan" => OrphanFinalizer, "Foreground" => ForegroundFinalizer, _ => null };
            if (extra is not null && metadata["deletionTimestamp"] is null && !names.Contains(extra) && _store.HasDependents(current.Uid))
            {
                finalizers.Add(extra);
                metadata["finalizers"] = finalizers;
            }

            if (type.GroupResource == "namespaces")
            {
                NamespaceTerminating(node);
            }

            if (request.DryRun)
            {
                return ApiResult.Success(Present(type, current));
            }

            if (PodGracePeriod(type, node, request) is { } grace)
            {
                // kube-apiserver's graceful pod deletion: the pod stays (Terminating) until the kubelet has stopped it and
                // deletes it with grace period 0; a second deletion may only shorten the period.
                var running = metadata["deletionTimestamp"] is null ? (long?)null : metadata["deletionGracePeriodSeconds"]?.GetValue<long>() ?? 0;
                if (running is not null && running <= grace)
                {
                    return ApiResult.Success(Present(type, current));
                }

                metadata["deletionTimestamp"] = _time.GetUtcNow().AddSeconds(grace).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
                metadata["deletionGracePeriodSeconds"] = grace;
                if (CommitIf(type, node, WatchEventType.Modified, current) is not { } terminating)
                {
                    continue;
                }

                return ApiResult.Success(Present(type, terminating));
            }

            if (finalizers.Count > 0 || type.GroupResource == "namespaces")
            {
                if (metadata["deletionTimestamp"] is null)
                {
                    metadata["deletionTimestamp"] = Now();
                    metadata["deletionGracePeriodSeconds"] = 0;
                    if (CommitIf(type, node, WatchEventType.Modified, current) is not { } marked)
                    {
                        continue;
                    }

                    current = marked;
                }

                if (type.GroupResource == "namespaces")
                {
                    DeleteNamespaceContents(name);
                    return FinishNamespace(type, name) ?? ApiResult.Success(Present(type, current), 202);
                }

                return ApiResult.Success(Present(type, current), 202);
            }

            if (_store.TryRemove(type.GroupResource, ns, name, current) is { } removed)
            {
                return ApiResult.Success(Present(type, removed));
            }
        }
    }

    /// <summary>
    /// True while a kubelet runs pods for this cluster: then pod deletion is graceful, as on a node. Without one, pods are
    /// removed at once (kube-apiserver does the same for pods no node runs).
    /// </summary>
    public bool PodsHaveKubelet { get; set; }

    /// <summary>The grace period of a pod deletion a kubelet will carry out; null when the pod goes at once.</summary>
    private long? PodGracePeriod(ResourceType type, JsonObject node, DeleteRequest request)
    {
        if (type.GroupResource != "pods" || !PodsHaveKubelet || Str(node["status"]?["phase"]) is "Succeeded" or "Failed")
        {
            return null;
        }

        var grace = request.GracePeriodSeconds
            ?? (node["spec"]?["terminationGracePeriodSeconds"] is JsonValue v && v.TryGetValue<long>(out var spec) ? spec : BuiltInDefaults.TerminationGracePeriodSeconds);
        return grace > 0 ? grace : null;
    }

    /// <summary>Removes a terminating namespace once nothing is left in it; null while content remains.</summary>
    public ApiResult? FinishNamespace(ResourceType namespaces, string name)
    {
        var current = _store.Get(namespaces.GroupResource, "", name);
        if (current is null || !current.Deleting || _store.AnyInNamespace(name))
        {
            return null;
        }

        // Content created meanwhile is refused (the namespace is terminating), so emptiness holds once seen.
        var removed = _store.TryRemove(namespaces.GroupResource, "", name, current);
        return removed is null ? null : ApiResult.Success(Present(namespaces, removed));
    }

    // batch/v1 Jobs still default to orphaning their pods; everything else cascades in the background.
    private static string DefaultPropagation(ResourceType type) => type.GroupResource == "jobs.batch" ? "Orphan" : "Background";

    private static void NamespaceTerminating(JsonObject node)
    {
        if (node["status"] is not JsonObject status)
        {
            status = [];
            node["status"] = status;
        }

        status["phase"] = "Terminating";
    }

    private void DeleteNamespaceContents(string ns)
    {
        foreach (var (groupResource, item) in _store.InNamespace(ns))
        {
            if (_registry.FindStorage(groupResource) is { } type)
            {
                Delete(type, ns, item.Name, new DeleteRequest("Background"));
            }
        }
    }
}
