using System.Text.Json.Nodes;
using EmbeddedKubernetes.Resources;

namespace EmbeddedKubernetes.Api;

/// <summary>A failed request as Kubernetes reports it: HTTP code, Status reason, message and details.</summary>
internal sealed record ApiError(int Code, string Reason, string Message, JsonObject? Details = null)
{
    public static ApiError NotFound(ResourceType type, string name) =>
        new(404, "NotFound", $"{type.GroupResource} \"{name}\" not found", Describe(type, name));

    public static ApiError NamespaceNotFound(string ns) =>
        new(404, "NotFound", $"namespaces \"{ns}\" not found", new JsonObject { ["name"] = ns, ["kind"] = "namespaces" });

    public static ApiError AlreadyExists(ResourceType type, string name) =>
        new(409, "AlreadyExists", $"{type.GroupResource} \"{name}\" already exists", Describe(type, name));

    public static ApiError Conflict(ResourceType type, string name, string why = "the object has been modified; please apply your changes to the latest version and try again") =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {type.GroupResource} \"{name}\": {why}", Describe(type, name));

    public static ApiError Invalid(ResourceType type, string name, IReadOnlyList<FieldError> errors)
    {
        var causes = new JsonArray();
        foreach (var error in errors)
        {
            causes.Add(new JsonObject { ["reason"] = error.Reason, ["message"] = error.Text, ["field"] = error.Field });
        }

        var details = new JsonObject { ["name"] = name, ["kind"] = type.Kind, ["causes"] = causes };
        if (type.Group.Length > 0)
        {
            details["group"] = type.Group;
        }

        var summary = errors.Count == 1 ? errors[0].ToString() : "[" + string.Join(", ", errors) + "]";
        return new ApiError(422, "Invalid", $"{type.Kind} \"{name}\" is invalid: {summary}", details);
    }

    public static ApiError BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiError Forbidden(ResourceType type, string name, string why) =>
        new(403, "Forbidden", $"{type.GroupResource} \"{name}\" is forbidden: {why}", Describe(type, name));

    public static ApiError MethodNotAllowed(string message = "the server does not allow this method on the requested resource") =>
        new(405, "MethodNotAllowed", message);

    public static ApiError UnsupportedMediaType(string contentType, bool builtIn) =>
        new(415, "UnsupportedMediaType",
            $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml{(builtIn ? ", application/strategic-merge-patch+json" : "")}");

    public static ApiError Expired(long requested, long oldest) =>
        new(410, "Expired", $"too old resource version: {requested} ({oldest})");

    /// <summary>kube-apiserver's answer to a continue token whose snapshot is gone (etcd compacted it).</summary>
    public static ApiError ContinueExpired() =>
        new(410, "Expired", "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.");

    public static ApiError NotAcceptable(string message) => new(406, "NotAcceptable", message);

    public static ApiError PathNotFound() => new(404, "NotFound", "the server could not find the requested resource");

    public static ApiError Internal(string message) => new(500, "InternalError", message);

    public JsonObject ToStatus() => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = Message,
        ["reason"] = Reason,
        ["details"] = Details?.DeepClone(),
        ["code"] = Code,
    };

    private static JsonObject Describe(ResourceType type, string name)
    {
        var details = new JsonObject { ["name"] = name };
        if (type.Group.Length > 0)
        {
            details["group"] = type.Group;
        }

        details["kind"] = type.Plural;
        return details;
    }
}

/// <summary>One field validation failure, worded like apimachinery's field.Error.</summary>
internal sealed record FieldError(string Field, string Reason, string Text)
{
    public static FieldError Required(string field, string detail = "") =>
        new(field, "FieldValueRequired", detail.Length == 0 ? "Required value" : $"Required value: {detail}");

    public static FieldError InvalidValue(string field, string value, string detail) =>
        new(field, "FieldValueInvalid", $"Invalid value: \"{value}\": {detail}");

    public static FieldError NotSupported(string field, string value, IEnumerable<string> supported) =>
        new(field, "FieldValueNotSupported", $"Unsupported value: \"{value}\": supported values: {string.Join(", ", supported.Select(s => $"\"{s}\""))}");

    public static FieldError Forbidden(string field, string detail) => new(field, "FieldValueForbidden", $"Forbidden: {detail}");

    public static FieldError Immutable(string field) => new(field, "FieldValueInvalid", "Invalid value: field is immutable");

    public override string ToString() => $"{Field}: {Text}";
}
