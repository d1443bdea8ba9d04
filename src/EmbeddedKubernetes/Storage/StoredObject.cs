using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EmbeddedKubernetes.Storage;

/// <summary>
/// An immutable committed object: its JSON bytes plus the metadata that lists, selectors, watches and the garbage
/// collector read often (parsed once, when it is stored). Callers that need to change it parse a fresh copy with
/// <see cref="ToNode"/>.
/// </summary>
internal sealed class StoredObject
{
    private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();

    // Serialised in place of the resourceVersion so the bytes can be produced outside the store lock and the number
    // spliced in at commit. Unique per process, so user data cannot contain it.
    private static readonly string Placeholder = "rv-" + Guid.NewGuid().ToString("N");
    private static readonly byte[] PlaceholderBytes = Encoding.UTF8.GetBytes($"\"{Placeholder}\"");

    private StoredObject(byte[] json, Shape shape, long resourceVersion)
    {
        Json = json;
        ApiVersion = shape.ApiVersion;
        Namespace = shape.Namespace;
        Name = shape.Name;
        Uid = shape.Uid;
        ResourceVersion = resourceVersion;
        Labels = shape.Labels;
        OwnerUids = shape.OwnerUids;
        Finalizers = shape.Finalizers;
        Deleting = shape.Deleting;
    }

    public byte[] Json { get; }

    public string ApiVersion { get; }

    public string Namespace { get; }

    public string Name { get; }

    public string Uid { get; }

    public long ResourceVersion { get; }

    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>The uids in <c>metadata.ownerReferences</c> (the garbage collector's owner index).</summary>
    public IReadOnlyList<string> OwnerUids { get; }

    public IReadOnlyList<string> Finalizers { get; }

    /// <summary>Whether <c>metadata.deletionTimestamp</c> is set.</summary>
    public bool Deleting { get; }

    public string Key => StoreKey(Namespace, Name);

    public static string StoreKey(string ns, string name) => ns.Length == 0 ? name : ns + "/" + name;

    /// <summary>Stores the node as it is (its resourceVersion included).</summary>
    public static StoredObject From(JsonObject node)
    {
        var rv = long.TryParse(node["metadata"]?["resourceVersion"]?.GetValue<string>(), out var parsed) ? parsed : 0;
        return new StoredObject(JsonSerializer.SerializeToUtf8Bytes(node), Shape.Of(node), rv);
    }

    /// <summary>Serialises the node now (outside any lock); <see cref="Pending.Stamp"/> adds the resourceVersion at commit.</summary>
    public static Pending Prepare(JsonObject node)
    {
        var metadata = node["metadata"]!.AsObject();
        metadata["resourceVersion"] = Placeholder;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(node);
        metadata.Remove("resourceVersion");
        return new Pending(bytes, bytes.AsSpan().IndexOf(PlaceholderBytes), Shape.Of(node));
    }

    public JsonObject ToNode() => JsonNode.Parse(Json)!.AsObject();

    /// <summary>A serialised object waiting for its resourceVersion.</summary>
    internal sealed class Pending(byte[] bytes, int placeholderAt, Shape shape)
    {
        public string Namespace => shape.Namespace;

        public string Name => shape.Name;

        public string Key => StoreKey(shape.Namespace, shape.Name);

        public StoredObject Stamp(long resourceVersion)
        {
            var number = Encoding.UTF8.GetBytes($"\"{resourceVersion.ToString(CultureInfo.InvariantCulture)}\"");
            var json = new byte[bytes.Length - PlaceholderBytes.Length + number.Length];
            bytes.AsSpan(0, placeholderAt).CopyTo(json);
            number.CopyTo(json.AsSpan(placeholderAt));
            bytes.AsSpan(placeholderAt + PlaceholderBytes.Length).CopyTo(json.AsSpan(placeholderAt + number.Length));
            return new StoredObject(json, shape, resourceVersion);
        }
    }

    internal sealed record Shape(
        string ApiVersion, string Namespace, string Name, string Uid, IReadOnlyDictionary<string, string> Labels,
        IReadOnlyList<string> OwnerUids, IReadOnlyList<string> Finalizers, bool Deleting)
    {
        public static Shape Of(JsonObject node)
        {
            var metadata = node["metadata"] as JsonObject;
            var labels = metadata?["labels"] is JsonObject labelNode && labelNode.Count > 0
                ? labelNode.ToDictionary(kv => kv.Key, kv => kv.Value?.GetValue<string>() ?? "", StringComparer.Ordinal)
                : NoLabels;
            return new Shape(
                node["apiVersion"]?.GetValue<string>() ?? "",
                metadata?["namespace"]?.GetValue<string>() ?? "",
                metadata?["name"]?.GetValue<string>() ?? "",
                metadata?["uid"]?.GetValue<string>() ?? "",
                labels,
                Strings(metadata?["ownerReferences"] as JsonArray, r => r?["uid"]),
                Strings(metadata?["finalizers"] as JsonArray, f => f),
                metadata?["deletionTimestamp"] is not null);
        }

        private static string[] Strings(JsonArray? array, Func<JsonNode?, JsonNode?> select) =>
            array is null or { Count: 0 }
                ? []
                : [.. array.Select(select).OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : "").Where(s => s.Length > 0)];
    }
}
