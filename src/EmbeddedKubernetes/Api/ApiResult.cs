using System.Text.Json.Nodes;

namespace EmbeddedKubernetes.Api;

/// <summary>The outcome of an API operation: a body with its HTTP code, or an error.</summary>
internal sealed record ApiResult(int Code, JsonObject? Body, ApiError? Error)
{
    public bool Ok => Error is null;

    public static ApiResult Success(JsonObject body, int code = 200) => new(code, body, null);

    public static implicit operator ApiResult(ApiError error) => new(error.Code, null, error);
}

internal enum Subresource
{
    None,
    Status,
    Scale,
}

/// <summary>Query options shared by writes: dryRun=All, fieldManager, force.</summary>
internal sealed record WriteOptions(bool DryRun = false, string? FieldManager = null, bool Force = false)
{
    public static WriteOptions Default { get; } = new();
}
