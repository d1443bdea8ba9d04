using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmbeddedKubernetes.Resources;
using EmbeddedKubernetes.Selectors;
using EmbeddedKubernetes.Storage;
using EmbeddedKubernetes.Tables;
using Kubernetes.Controller.Selectors;
using Microsoft.AspNetCore.Http;

namespace EmbeddedKubernetes.Api;

/// <summary>LIST (label/field selectors, limit/continue, Table output) and DELETE on a collection.</summary>
internal sealed class ListEndpoint
{
    private readonly ObjectService _objects;
    private readonly TableBuilder _tables;
    private readonly ListSnapshots _snapshots;

    public ListEndpoint(ObjectService objects, TableBuilder tables, ListSnapshots snapshots)
    {
        _objects = objects;
        _tables = tables;
        _snapshots = snapshots;
    }

    /// <summary>Parses labelSelector and fieldSelector into one predicate; the error is a 400 Status.</summary>
    public static Func<StoredObject, bool>? Filter(HttpContext context, ResourceType type, out ApiError? error)
    {
        error = null;
        var labels = LabelSelector.TryParse(HttpIo.Query(context, "labelSelector"), out var labelError);
        var fields = FieldSelector.TryParse(HttpIo.Query(context, "fieldSelector"), type, out var fieldError);
        if (labels is null || fields is null)
        {
            error = ApiError.BadRequest(labelError ?? fieldError ?? "invalid selector");
            return null;
        }

        return o => labels.Matches(o.Labels) && fields.Matches(o);
    }

    public async Task HandleAsync(HttpContext context, ResourceType type, string? ns)
    {
        var filter = Filter(context, type, out var error);
        if (filter is null)
        {
            await HttpIo.WriteErrorAsync(context, error!);
            return;
        }

        var scope = string.Join('\n', type.GroupResource, ns ?? "", HttpIo.Query(context, "labelSelector") ?? "", HttpIo.Query(context, "fieldSelector") ?? "");
        StoredObject[] matching;
        long resourceVersion;
        string? snapshotId = null;
        var start = 0;
        var token = HttpIo.Query(context, "continue");
        if (!string.IsNullOrEmpty(token))
        {
            if (DecodeContinue(token) is not { } position)
            {
                await HttpIo.WriteErrorAsync(context, ApiError.BadRequest("continue key is not valid"));
                return;
            }

            if (_snapshots.Find(position.Id, scope) is not { } snapshot)
            {
                await HttpIo.WriteErrorAsync(context, ApiError.ContinueExpired());
                return;
            }

            (matching, resourceVersion, snapshotId, start) = (snapshot.Items, snapshot.ResourceVersion, position.Id, snapshot.After(position.Start));
        }
        else
        {
            var (items, listed) = _objects.Store.List(type.GroupResource, type.Namespaced ? ns : null);
            (matching, resourceVersion) = ([.. items.Where(filter)], listed);
        }

        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture) };
        var count = matching.Length - start;
        if (long.TryParse(HttpIo.Query(context, "limit"), CultureInfo.InvariantCulture, out var limit) && limit > 0 && count > limit)
        {
            snapshotId ??= _snapshots.Keep(scope, matching, resourceVersion);
            metadata["continue"] = EncodeContinue(resourceVersion, matching[start + (int)limit - 1].Key, snapshotId);
            metadata["remainingItemCount"] = count - limit;
            count = (int)limit;
        }

        var page = new ArraySegment<StoredObject>(matching, start, count);
        var objects = page.Select(o => ObjectService.Present(type, o));
        if (HttpIo.WantsTable(context))
        {
            await HttpIo.WriteJsonAsync(context, 200, _tables.Build(type, objects, HttpIo.Query(context, "includeObject") ?? "Metadata", metadata));
            return;
        }

        await WriteListAsync(context, type, page, metadata);
    }

    public async Task DeleteCollectionAsync(HttpContext context, ResourceType type, string? ns)
    {
        var filter = Filter(context, type, out var error);
        if (filter is null)
        {
            await HttpIo.WriteErrorAsync(context, error!);
            return;
        }

        var options = await ResourceEndpoint.ReadDeleteOptionsAsync(context);
        var (items, _) = _objects.Store.List(type.GroupResource, type.Namespaced ? ns : null);
        var deleted = new JsonArray();
        foreach (var item in items.Where(filter))
        {
            var result = _objects.Delete(type, item.Namespace, item.Name, options);
            if (result.Body is not null)
            {
                deleted.Add(result.Body);
            }
        }

        var list = new JsonObject
        {
            ["kind"] = type.ListKind,
            ["apiVersion"] = type.GroupVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = _objects.Store.CurrentResourceVersion.ToString(CultureInfo.InvariantCulture) },
            ["items"] = deleted,
        };
        await HttpIo.WriteJsonAsync(context, 200, list);
    }

    /// <summary>Streams the list without building one big node: items are the stored JSON bytes.</summary>
    private static async Task WriteListAsync(HttpContext context, ResourceType type, ArraySegment<StoredObject> items, JsonObject metadata)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        var body = context.Response.Body;
        var head = $"{{\"kind\":{JsonSerializer.Serialize(type.ListKind)},\"apiVersion\":{JsonSerializer.Serialize(type.GroupVersion)},\"metadata\":{metadata.ToJsonString()},\"items\":[";
        await body.WriteAsync(Encoding.UTF8.GetBytes(head), context.RequestAborted);
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                await body.WriteAsync(","u8.ToArray(), context.RequestAborted);
            }

            await body.WriteAsync(WatchEndpoint.Bytes(type, items[i]), context.RequestAborted);
        }

        await body.WriteAsync("]}"u8.ToArray(), context.RequestAborted);
    }

    // kube-apiserver's token shape ({"v","rv","start"}) plus the snapshot the pages are read from.
    private static string EncodeContinue(long resourceVersion, string lastKey, string snapshot) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject
        {
            ["v"] = "meta.k8s.io/v1",
            ["rv"] = resourceVersion,
            ["start"] = lastKey,
            ["snapshot"] = snapshot,
        }.ToJsonString()));

    private static (string Start, string Id)? DecodeContinue(string token)
    {
        try
        {
            var json = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)));
            return json?["start"]?.GetValue<string>() is { } start && json["snapshot"]?.GetValue<string>() is { } id ? (start, id) : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
