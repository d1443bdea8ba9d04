using System.Text.Json.Nodes;
using EmbeddedKubernetes.Tables;
using Microsoft.AspNetCore.Http;

namespace EmbeddedKubernetes.Api;

/// <summary>Maps HTTP verbs on resource URLs to <see cref="ObjectService"/> operations, lists and watches.</summary>
internal sealed class ResourceEndpoint
{
    private readonly ObjectService _objects;
    private readonly ListEndpoint _lists;
    private readonly WatchEndpoint _watches;
    private readonly TableBuilder _tables;
    private readonly PodLogEndpoint _logs;

    public ResourceEndpoint(ObjectService objects, ListEndpoint lists, WatchEndpoint watches, TableBuilder tables, PodLogEndpoint logs)
    {
        _objects = objects;
        _lists = lists;
        _watches = watches;
        _tables = tables;
        _logs = logs;
    }

    public async Task HandleAsync(HttpContext context, ResourceRequest request)
    {
        var method = context.Request.Method;
        var ns = request.Namespace ?? "";
        var type = request.Type;
        if (type.Namespaced && request.Namespace is null && request.Name is not null)
        {
            await HttpIo.WriteErrorAsync(context, ApiError.PathNotFound());
            return;
        }

        if (request.Subresource == "log" && type.GroupResource == "pods" && request.Name is not null && request.Namespace is not null)
        {
            await (method == "GET"
                ? _logs.HandleAsync(context, type, request.Namespace, request.Name)
                : HttpIo.WriteErrorAsync(context, ApiError.MethodNotAllowed()));
            return;
        }

        var subresource = request.Subresource switch
        {
            null => Subresource.None,
            "status" when type.HasStatus => Subresource.Status,
            "scale" when type.Scale is not null => Subresource.Scale,
            _ => (Subresource?)null,
        };
        if (subresource is null)
        {
            await HttpIo.WriteErrorAsync(context, ApiError.PathNotFound());
            return;
        }

        if (request.Name is null)
        {
            await (method switch
            {
                "GET" when HttpIo.QueryFlag(context, "watch") => _watches.HandleAsync(context, type, request.Namespace),
                "GET" => _lists.HandleAsync(context, type, request.Namespace),
                "POST" => CreateAsync(context, request),
                "DELETE" => _lists.DeleteCollectionAsync(context, type, request.Namespace),
                _ => HttpIo.WriteErrorAsync(context, ApiError.MethodNotAllowed()),
            });
            return;
        }

        var name = request.Name;
        var options = HttpIo.WriteOptionsOf(context);
        switch (method)
        {
            case "GET" when subresource == Subresource.Scale:
                await HttpIo.WriteResultAsync(context, _objects.GetScale(type, ns, name));
                break;
            case "GET":
                var got = _objects.Get(type, type.Namespaced ? ns : "", name);
                if (got.Ok && HttpIo.WantsTable(context))
                {
                    var table = _tables.Build(type, [got.Body!], HttpIo.Query(context, "includeObject") ?? "Metadata", new JsonObject());
                    await HttpIo.WriteJsonAsync(context, 200, table);
                    break;
                }

                await HttpIo.WriteResultAsync(context, got);
                break;
            case "PUT":
                var (body, error) = await HttpIo.ReadObjectAsync(context);
                var result = error is not null ? error
                    : subresource == Subresource.Scale ? _objects.UpdateScale(type, ns, name, body!, options)
                    : _objects.Update(type, ns, name, body!, subresource.Value, options);
                await HttpIo.WriteResultAsync(context, result);
                break;
            case "PATCH":
                var text = await HttpIo.ReadTextAsync(context);
                var patched = _objects.Patch(type, ns, name, context.Request.ContentType ?? "", text, subresource.Value, options);
                await HttpIo.WriteResultAsync(context, patched);
                break;
            case "DELETE" when subresource == Subresource.None:
                var deleteRequest = await ReadDeleteOptionsAsync(context);
                await HttpIo.WriteResultAsync(context, _objects.Delete(type, ns, name, deleteRequest));
                break;
            default:
                await HttpIo.WriteErrorAsync(context, ApiError.MethodNotAllowed());
                break;
        }
    }

    private async Task CreateAsync(HttpContext context, ResourceRequest request)
    {
        var (body, error) = await HttpIo.ReadObjectAsync(context);
        if (error is not null)
        {
            await HttpIo.WriteErrorAsync(context, error);
            return;
        }

        if (request.Type.Namespaced && request.Namespace is null)
        {
            await HttpIo.WriteErrorAsync(context, ApiError.MethodNotAllowed("POST is only allowed on the namespaced collection path"));
            return;
        }

        var ns = request.Namespace ?? "";
        await HttpIo.WriteResultAsync(context, _objects.Create(request.Type, ns, body!, HttpIo.WriteOptionsOf(context)));
    }

    /// <summary>DeleteOptions from the body (kubectl, KubernetesClient) or the query string.</summary>
    internal static async Task<DeleteRequest> ReadDeleteOptionsAsync(HttpContext context)
    {
        var text = await HttpIo.ReadTextAsync(context);
        JsonObject? body = null;
        if (!string.IsNullOrWhiteSpace(text))
        {
            try
            {
                body = JsonNode.Parse(text) as JsonObject;
            }
            catch (System.Text.Json.JsonException)
            {
                body = null;
            }
        }

        string? Read(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var orphan = body?["orphanDependents"] is JsonValue o && o.TryGetValue<bool>(out var orphanValue) ? orphanValue : (bool?)null;
        var policy = Read(body?["propagationPolicy"]) ?? HttpIo.Query(context, "propagationPolicy")
            ?? (orphan == true ? "Orphan" : orphan == false ? "Background" : null);
        var dryRun = body?["dryRun"] is JsonArray dry && dry.Any(d => Read(d) == "All") || HttpIo.Query(context, "dryRun") == "All";
        long? grace = body?["gracePeriodSeconds"] is JsonValue g && g.TryGetValue<long>(out var fromBody)
            ? fromBody
            : long.TryParse(HttpIo.Query(context, "gracePeriodSeconds"), System.Globalization.CultureInfo.InvariantCulture, out var fromQuery) ? fromQuery : null;
        return new DeleteRequest(policy, Read(body?["preconditions"]?["uid"]), Read(body?["preconditions"]?["resourceVersion"]), dryRun, grace);
    }
}
