using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmbeddedKubernetes.Patching;
using EmbeddedKubernetes.Protobuf;
using Kubernetes.Controller.Yaml;
using Microsoft.AspNetCore.Http;

namespace EmbeddedKubernetes.Api;

/// <summary>Reading request bodies and writing JSON / Status responses the way kube-apiserver frames them.</summary>
internal static class HttpIo
{
    public static async Task WriteJsonAsync(HttpContext context, int code, JsonNode body, string contentType = "application/json")
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = contentType;
        await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(body), context.RequestAborted);
    }

    public static Task WriteResultAsync(HttpContext context, ApiResult result) =>
        result.Error is { } error
            ? WriteErrorAsync(context, error)
            : WriteJsonAsync(context, result.Code, result.Body!);

    public static Task WriteErrorAsync(HttpContext context, ApiError error) => WriteJsonAsync(context, error.Code, error.ToStatus());

    public static async Task<string> ReadTextAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(context.RequestAborted);
    }

    /// <summary>A JSON (or YAML) object body; the error is a 400 Status like the apiserver's decoder reports.</summary>
    public static async Task<(JsonObject? Body, ApiError? Error)> ReadObjectAsync(HttpContext context)
    {
        if (ProtobufBodies.IsProtobuf(context.Request.ContentType))
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            return buffer.Length == 0
                ? (null, ApiError.BadRequest("the request body is empty: an object is required"))
                : ProtobufBodies.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }

        var text = await ReadTextAsync(context);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, ApiError.BadRequest("the request body is empty: an object is required"));
        }

        try
        {
            var yaml = context.Request.ContentType?.Contains("yaml", StringComparison.OrdinalIgnoreCase) == true;
            var node = yaml ? YamlToJson.Convert(text) : JsonNode.Parse(text);
            return node is JsonObject obj ? (obj, null) : (null, ApiError.BadRequest("the request body must be a JSON object"));
        }
        catch (Exception ex) when (ex is JsonException or YamlDotNet.Core.YamlException)
        {
            return (null, ApiError.BadRequest($"the body of the request could not be decoded: {ex.Message}"));
        }
    }

    public static bool WantsTable(HttpContext context) =>
        context.Request.Headers.Accept.Any(a => a is not null && a.Contains("as=Table", StringComparison.Ordinal));

    public static string? Query(HttpContext context, string name) =>
        context.Request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    public static bool QueryFlag(HttpContext context, string name) =>
        Query(context, name) is { } value && (value.Length == 0 || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");

    public static WriteOptions WriteOptionsOf(HttpContext context) => new(
        Query(context, "dryRun") == "All",
        Query(context, "fieldManager"),
        QueryFlag(context, "force"));
}
