using System.Text.Json.Nodes;
using EmbeddedKubernetes.Aggregation;
using EmbeddedKubernetes.Resources;
using Microsoft.AspNetCore.Http;

namespace EmbeddedKubernetes.Api;

/// <summary>The single terminal middleware: health, version, discovery, OpenAPI, aggregated APIs, then resources.</summary>
internal sealed class ApiRouter
{
    private readonly ResourceRegistry _registry;
    private readonly ResourceEndpoint _resources;
    private readonly ApiServiceProxy _proxy;

    public ApiRouter(ResourceRegistry registry, ResourceEndpoint resources, ApiServiceProxy proxy)
    {
        _registry = registry;
        _resources = resources;
        _proxy = proxy;
    }

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await RouteAsync(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException)
        {
            // Malformed input the decoders did not catch themselves: the client's fault.
            if (!context.Response.HasStarted)
            {
                await HttpIo.WriteErrorAsync(context, ApiError.BadRequest($"the request could not be processed: {ex.Message}"));
            }
        }
        catch (Exception ex)
        {
            // Anything else is ours: kube-apiserver answers 500 InternalError (the exception type, not its data).
            if (!context.Response.HasStarted)
            {
                await HttpIo.WriteErrorAsync(context, ApiError.Internal($"Internal error occurred: {ex.GetType().Name}"));
            }
        }
    }

    private async Task RouteAsync(HttpContext context)
    {
        var path = context.Request.Path.Value?.TrimEnd('/') ?? "";
        var get = context.Request.Method == "GET";
        switch (path)
        {
            case "/healthz" or "/livez" or "/readyz":
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync("ok", context.RequestAborted);
                return;
            case "/version" when get:
                await HttpIo.WriteJsonAsync(context, 200, DiscoveryDocuments.Version());
                return;
            case "/api" when get:
                await HttpIo.WriteJsonAsync(context, 200, DiscoveryDocuments.CoreVersions($"{context.Request.Host}"));
                return;
            case "/apis" when get:
                await HttpIo.WriteJsonAsync(context, 200, DiscoveryDocuments.Groups(_proxy.MergedGroups(_registry.Groups())));
                return;
            case "/openapi/v3" when get:
                await HttpIo.WriteJsonAsync(context, 200, OpenApiDocuments.Root(_registry));
                return;
            case "/openapi/v2":
                await HttpIo.WriteErrorAsync(context, ApiError.PathNotFound());
                return;
        }

        if (path.StartsWith("/openapi/v3/", StringComparison.Ordinal) && get
            && ResourceRequest.SplitGroupVersion(path["/openapi/v3".Length..]) is { Segments.Length: 0 } openApi)
        {
            await HttpIo.WriteJsonAsync(context, 200, OpenApiDocuments.GroupVersion(_registry, openApi.Group, openApi.Version));
            return;
        }

        if (await _proxy.TryProxyAsync(context, path))
        {
            return;
        }

        var split = ResourceRequest.SplitGroupVersion(path);
        if (split is null)
        {
            if (get && path.StartsWith("/apis/", StringComparison.Ordinal) && path.Count(c => c == '/') == 2)
            {
                await GroupAsync(context, path["/apis/".Length..]);
                return;
            }

            await HttpIo.WriteErrorAsync(context, ApiError.PathNotFound());
            return;
        }

        var (group, version, rest) = split.Value;
        if (rest.Length == 0)
        {
            var types = _registry.InGroupVersion(group, version);
            if (!get || types.Count == 0)
            {
                await HttpIo.WriteErrorAsync(context, ApiError.PathNotFound());
                return;
            }

            await HttpIo.WriteJsonAsync(context, 200, DiscoveryDocuments.ResourceList(types[0].GroupVersion, types));
            return;
        }

        var request = ResourceRequest.Resolve(_registry, group, version, rest);
        if (request is null)
        {
            await HttpIo.WriteErrorAsync(context, ApiError.PathNotFound());
            return;
        }

        await _resources.HandleAsync(context, request);
    }

    private async Task GroupAsync(HttpContext context, string group)
    {
        var found = _registry.Groups().FirstOrDefault(g => g.Group == group);
        JsonObject? document = found.Versions is { Count: > 0 } ? DiscoveryDocuments.Group(group, found.Versions) : null;
        if (document is null)
        {
            await HttpIo.WriteErrorAsync(context, ApiError.PathNotFound());
            return;
        }

        await HttpIo.WriteJsonAsync(context, 200, document);
    }
}
