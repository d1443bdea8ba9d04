using System.Text.Json;
using System.Text.Json.Nodes;

namespace EmbeddedKubernetes.Storage;

/// <summary>
/// An immutable committed object: its JSON bytes plus the metadata that lists, selectors and watches read often.
/// Callers that need to change it parse a fresh copy with <see cref="ToNode"/>.
/// </summary>
internal sealed class StoredObject
{
    private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();

    private StoredObject(byte[] json, string apiVersion, string ns, string name, string uid, long resourceVersion, IReadOnlyDictionary<string, string> labels)
    {
        Json = json;
        ApiVersion = apiVersion;
        Namespace = ns;
        Name = name;
        Uid = uid;
        ResourceVersion = resourceVersion;
        Labels = labels;
    }

    public byte[] Json { get; }

    public string ApiVersion { get; }

    public string Namespace { get; }

    public string Name { get; }

    public string Uid { get; }

    public long ResourceVersion { get; }

    public IReadOnlyDictionary<string, string> Labels { get; }

    public string Key => StoreKey(Namespace, Name);

    public static string StoreKey(string ns, string name) => ns.Length == 0 ? name : ns + "/" + name;

    public static StoredObject From(JsonObject node)
    {
        var metadata = node["metadata"] as JsonObject;
        var labels = metadata?["labels"] is JsonObject labelNode && labelNode.Count > 0
            ? labelNode.ToDictionary(kv => kv.Key, kv => kv.Value?.GetValue<string>() ?? "", StringComparer.Ordinal)
            : NoLabels;
        var rv = long.TryParse(metadata?["resourceVersion"]?.GetValue<string>(), out var parsed) ? parsed : 0;
        return new StoredObject(
            JsonSerializer.SerializeToUtf8Bytes(node),
            node["apiVersion"]?.GetValue<string>() ?? "",
            metadata?["namespace"]?.GetValue<string>() ?? "",
            metadata?["name"]?.GetValue<string>() ?? "",
            metadata?["uid"]?.GetValue<string>() ?? "",
            rv,
            labels);
    }

    public JsonObject ToNode() => JsonNode.Parse(Json)!.AsObject();
}
