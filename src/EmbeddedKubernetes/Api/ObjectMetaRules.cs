using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EmbeddedKubernetes.Resources;

namespace EmbeddedKubernetes.Api;

/// <summary>apimachinery's ObjectMeta validation: name format per resource, label keys and values.</summary>
internal static partial class ObjectMetaRules
{
    private static readonly HashSet<string> Dns1035Resources = new(StringComparer.Ordinal) { "services" };
    private static readonly HashSet<string> Dns1123LabelResources = new(StringComparer.Ordinal) { "namespaces" };

    public static void Validate(ResourceType type, JsonObject node, List<FieldError> errors)
    {
        var metadata = node["metadata"] as JsonObject;
        var name = metadata?["name"] is JsonValue nameValue && nameValue.TryGetValue<string>(out var nameText) ? nameText : "";
        if (Dns1123LabelResources.Contains(type.GroupResource))
        {
            if (name.Length > 63 || !Dns1123Label().IsMatch(name))
            {
                errors.Add(FieldError.InvalidValue("metadata.name", name,
                    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"));
            }
        }
        else if (Dns1035Resources.Contains(type.GroupResource))
        {
            if (name.Length > 63 || !Dns1035Label().IsMatch(name))
            {
                errors.Add(FieldError.InvalidValue("metadata.name", name,
                    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"));
            }
        }
        else if (type.GroupResource != "apiservices.apiregistration.k8s.io" && (name.Length > 253 || !Dns1123Subdomain().IsMatch(name)))
        {
            errors.Add(FieldError.InvalidValue("metadata.name", name,
                "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"));
        }

        if (metadata?["labels"] is JsonObject labels)
        {
            foreach (var (key, value) in labels)
            {
                var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
                if (!QualifiedName().IsMatch(key))
                {
                    errors.Add(FieldError.InvalidValue("metadata.labels", key, "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"));
                }
                else if (text is null || text.Length > 63 || (text.Length > 0 && !LabelValue().IsMatch(text)))
                {
                    errors.Add(FieldError.InvalidValue($"metadata.labels", text ?? "null",
                        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"));
                }
            }
        }

        if (metadata?["annotations"] is JsonObject annotations && annotations.Any(kv => kv.Value is not JsonValue))
        {
            errors.Add(FieldError.InvalidValue("metadata.annotations", "", "annotation values must be strings"));
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123Label();

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1035Label();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex("^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex QualifiedName();

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();
}
