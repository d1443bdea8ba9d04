using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmbeddedKubernetes.Api;

namespace EmbeddedKubernetes.Crds;

/// <summary>
/// Structural-schema handling for custom resources, in kube-apiserver's order: prune unknown fields (unless
/// x-kubernetes-preserve-unknown-fields), apply defaults, then validate type, required, enum and bounds.
/// </summary>
internal static class SchemaProcessor
{
    private static readonly HashSet<string> RootFields = new(StringComparer.Ordinal) { "apiVersion", "kind", "metadata" };

    public static void Apply(JsonObject schema, JsonObject node)
    {
        foreach (var key in node.Select(kv => kv.Key).Where(k => !RootFields.Contains(k)).ToList())
        {
            var properties = schema["properties"] as JsonObject;
            if (properties?[key] is JsonObject childSchema)
            {
                SetNormalized(node, key, childSchema);
                if (node[key] is null && childSchema["nullable"]?.GetValue<bool>() != true)
                {
                    node.Remove(key);
                }
            }
            else if (!PreservesUnknown(schema))
            {
                node.Remove(key);
            }
        }

        ApplyDefaults(schema, node, root: true);
    }

    public static void Validate(JsonObject schema, JsonObject node, List<FieldError> errors)
    {
        var properties = schema["properties"] as JsonObject;
        foreach (var required in (schema["required"] as JsonArray ?? []).Select(r => r?.GetValue<string>() ?? ""))
        {
            if (!RootFields.Contains(required) && node[required] is null)
            {
                errors.Add(FieldError.Required(required));
            }
        }

        foreach (var (key, value) in node)
        {
            if (!RootFields.Contains(key) && properties?[key] is JsonObject childSchema)
            {
                Check(childSchema, value, key, errors);
            }
        }
    }

    private static void SetNormalized(JsonObject parent, string key, JsonObject schema)
    {
        var current = parent[key];
        var normalized = Normalize(schema, current);
        if (!ReferenceEquals(current, normalized))
        {
            parent[key] = normalized;
        }
    }

    private static bool PreservesUnknown(JsonObject schema) => schema["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true;

    private static JsonNode? Normalize(JsonObject schema, JsonNode? value)
    {
        if (value is null)
        {
            return schema["default"]?.DeepClone();
        }

        if (value is JsonObject obj)
        {
            if (schema["x-kubernetes-embedded-resource"]?.GetValue<bool>() == true && PreservesUnknown(schema))
            {
                return obj;
            }

            var properties = schema["properties"] as JsonObject;
            var additional = schema["additionalProperties"] as JsonObject;
            foreach (var key in obj.Select(kv => kv.Key).ToList())
            {
                var childSchema = properties?[key] as JsonObject ?? additional;
                if (childSchema is not null)
                {
                    SetNormalized(obj, key, childSchema);
                    if (obj[key] is null && childSchema["nullable"]?.GetValue<bool>() != true)
                    {
                        obj.Remove(key);
                    }
                }
                else if (!PreservesUnknown(schema) && schema["additionalProperties"]?.GetValueKind() != JsonValueKind.True
                    && (properties is not null || schema["type"]?.GetValue<string>() == "object"))
                {
                    obj.Remove(key);
                }
            }

            ApplyDefaults(schema, obj, root: false);
            return obj;
        }

        if (value is JsonArray array && schema["items"] is JsonObject itemSchema)
        {
            for (var i = 0; i < array.Count; i++)
            {
                var item = array[i];
                var normalized = Normalize(itemSchema, item);
                if (!ReferenceEquals(item, normalized))
                {
                    array[i] = normalized;
                }
            }
        }

        return value;
    }

    private static void ApplyDefaults(JsonObject schema, JsonObject obj, bool root)
    {
        if (schema["properties"] is not JsonObject properties)
        {
            return;
        }

        foreach (var (key, childSchema) in properties)
        {
            if ((root && RootFields.Contains(key)) || obj.ContainsKey(key) || childSchema?["default"] is not JsonNode defaultValue)
            {
                continue;
            }

            obj[key] = Normalize(childSchema.AsObject(), defaultValue.DeepClone());
        }
    }

    // Values built in-process (long, int) and parsed ones (JsonElement) convert differently; the JSON text does not.
    private static double Number(JsonNode value) => double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static void Check(JsonObject schema, JsonNode? value, string path, List<FieldError> errors)
    {
        if (value is null)
        {
            return;
        }

        var type = schema["type"]?.GetValue<string>();
        var intOrString = schema["x-kubernetes-int-or-string"]?.GetValue<bool>() == true;
        var kind = value.GetValueKind();
        var ok = intOrString ? kind is JsonValueKind.String or JsonValueKind.Number : type switch
        {
            "object" => kind == JsonValueKind.Object,
            "array" => kind == JsonValueKind.Array,
            "string" => kind == JsonValueKind.String,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "integer" => kind == JsonValueKind.Number && long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            "number" => kind == JsonValueKind.Number,
            _ => true,
        };
        if (!ok)
        {
            var shown = kind == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
            errors.Add(FieldError.InvalidValue(path, kind.ToString().ToLowerInvariant(), $"{path} in body must be of type {type}: \"{shown}\""));
            return;
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            errors.Add(FieldError.NotSupported(path, kind == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString(),
                allowed.Select(a => a?.GetValueKind() == JsonValueKind.String ? a.GetValue<string>() : a?.ToJsonString() ?? "null")));
        }

        if (kind == JsonValueKind.Number && !intOrString)
        {
            var number = Number(value);
            if (schema["minimum"] is JsonValue min && number < Number(min))
            {
                errors.Add(FieldError.InvalidValue(path, number.ToString(CultureInfo.InvariantCulture), $"{path} in body should be greater than or equal to {min}"));
            }

            if (schema["maximum"] is JsonValue max && number > Number(max))
            {
                errors.Add(FieldError.InvalidValue(path, number.ToString(CultureInfo.InvariantCulture), $"{path} in body should be less than or equal to {max}"));
            }
        }

        if (value is JsonObject obj)
        {
            foreach (var required in (schema["required"] as JsonArray ?? []).Select(r => r?.GetValue<string>() ?? ""))
            {
                if (obj[required] is null)
                {
                    errors.Add(FieldError.Required($"{path}.{required}"));
                }
            }

            var properties = schema["properties"] as JsonObject;
            var additional = schema["additionalProperties"] as JsonObject;
            foreach (var (key, child) in obj)
            {
                if ((properties?[key] as JsonObject ?? additional) is { } childSchema)
                {
                    Check(childSchema, child, $"{path}.{key}", errors);
                }
            }
        }
        else if (value is JsonArray array && schema["items"] is JsonObject itemSchema)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(itemSchema, array[i], $"{path}[{i}]", errors);
            }
        }
    }
}
