using System.Text.Json.Nodes;
using EmbeddedKubernetes.Resources;
using EmbeddedKubernetes.Storage;

namespace EmbeddedKubernetes.Selectors;

/// <summary>
/// A field selector (<c>f=v</c>, <c>f==v</c>, <c>f!=v</c>, comma = AND) over the fields kube-apiserver supports
/// for each resource: metadata.name and metadata.namespace everywhere, plus per-kind fields such as status.phase.
/// </summary>
internal sealed class FieldSelector
{
    private static readonly Dictionary<string, string[]> ExtraFields = new(StringComparer.Ordinal)
    {
        ["pods"] = ["status.phase", "spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "status.podIP", "status.nominatedNodeName"],
        ["events"] = ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"],
        ["secrets"] = ["type"],
        ["namespaces"] = ["status.phase"],
        ["nodes"] = ["spec.unschedulable"],
        ["jobs.batch"] = ["status.successful"],
        ["replicasets.apps"] = ["status.replicas"],
    };

    private readonly IReadOnlyList<(string Field, bool Equal, string Value)> _terms;

    private FieldSelector(IReadOnlyList<(string Field, bool Equal, string Value)> terms) => _terms = terms;

    public static FieldSelector Everything { get; } = new([]);

    public bool IsEmpty => _terms.Count == 0;

    /// <summary>The metadata.name this selector pins, if any (lets a watch skip unrelated objects cheaply).</summary>
    public string? PinnedName => _terms.FirstOrDefault(t => t.Field == "metadata.name" && t.Equal).Value;

    public static FieldSelector? TryParse(string? text, ResourceType type, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var terms = new List<(string, bool, string)>();
        foreach (var raw in text.Split(','))
        {
            var part = raw.Trim();
            var (token, equal) = part.Contains("!=", StringComparison.Ordinal) ? ("!=", false)
                : part.Contains("==", StringComparison.Ordinal) ? ("==", true) : ("=", true);
            var index = part.IndexOf(token, StringComparison.Ordinal);
            if (index <= 0)
            {
                error = $"invalid selector: '{text}'; can't understand '{part}'";
                return null;
            }

            var field = part[..index].Trim();
            if (field is not ("metadata.name" or "metadata.namespace")
                && !(ExtraFields.TryGetValue(type.GroupResource, out var extra) && extra.Contains(field)))
            {
                error = $"field label not supported: {field}";
                return null;
            }

            terms.Add((field, equal, part[(index + token.Length)..].Trim()));
        }

        return new FieldSelector(terms);
    }

    public bool Matches(StoredObject item)
    {
        if (_terms.Count == 0)
        {
            return true;
        }

        JsonObject? node = null;
        foreach (var (field, equal, value) in _terms)
        {
            var actual = field switch
            {
                "metadata.name" => item.Name,
                "metadata.namespace" => item.Namespace,
                _ => Read(node ??= item.ToNode(), field),
            };
            if ((actual == value) != equal)
            {
                return false;
            }
        }

        return true;
    }

    private static string Read(JsonObject node, string path)
    {
        JsonNode? current = node;
        foreach (var segment in path.Split('.'))
        {
            current = current is JsonObject obj ? obj[segment] : null;
        }

        return current switch
        {
            null => "",
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => current.ToJsonString(),
        };
    }
}
