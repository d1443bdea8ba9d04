using System.Text.Json.Nodes;
using EmbeddedKubernetes.Resources;
using EmbeddedKubernetes.Storage;

namespace EmbeddedKubernetes.Crds;

/// <summary>
/// Keeps the registry in step with CustomResourceDefinitions: a committed CRD serves its versions (names, scope,
/// subresources, printer columns, schema); a deleted CRD stops serving and its objects are deleted.
/// </summary>
internal sealed class CrdRegistrar
{
    public const string CrdGroupResource = "customresourcedefinitions.apiextensions.k8s.io";

    private readonly ResourceRegistry _registry;
    private readonly ObjectStore _store;

    public CrdRegistrar(ResourceRegistry registry, ObjectStore store)
    {
        _registry = registry;
        _store = store;
        _store.Committed += OnCommitted;
    }

    private void OnCommitted(WatchEvent change)
    {
        if (change.GroupResource != CrdGroupResource)
        {
            return;
        }

        var crd = change.Object.ToNode();
        var groupResource = change.Object.Name;
        if (change.Type == WatchEventType.Deleted)
        {
            _registry.RemoveCustom(groupResource);
            foreach (var item in _store.List(groupResource, null).Items)
            {
                _store.Remove(groupResource, item.Namespace, item.Name);
            }

            return;
        }

        _registry.ReplaceCustom(groupResource, ToResourceTypes(crd));
    }

    public static IReadOnlyList<ResourceType> ToResourceTypes(JsonObject crd)
    {
        var spec = crd["spec"]!.AsObject();
        var names = spec["names"]!.AsObject();
        var kind = Str(names["kind"]);
        var types = new List<ResourceType>();
        foreach (var version in (spec["versions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (version["served"]?.GetValue<bool>() == false)
            {
                continue;
            }

            var subresources = version["subresources"] as JsonObject;
            var scale = subresources?["scale"] as JsonObject;
            types.Add(new ResourceType
            {
                Group = Str(spec["group"]),
                Version = Str(version["name"]),
                Plural = Str(names["plural"]),
                Singular = names["singular"] is null ? kind.ToLowerInvariant() : Str(names["singular"]),
                Kind = kind,
                Namespaced = Str(spec["scope"]) == "Namespaced",
                ShortNames = Strings(names["shortNames"]),
                Categories = Strings(names["categories"]),
                HasStatus = subresources?["status"] is not null,
                Scale = scale is null
                    ? null
                    : new ScaleSubresource(Str(scale["specReplicasPath"]), Str(scale["statusReplicasPath"]), scale["labelSelectorPath"]?.GetValue<string>()),
                IsBuiltIn = false,
                Storage = version["storage"]?.GetValue<bool>() == true,
                PrinterColumns = Columns(version["additionalPrinterColumns"] as JsonArray),
                Schema = version["schema"]?["openAPIV3Schema"]?.DeepClone() as JsonObject,
                AllowUnconditionalUpdate = false,
            });
        }

        return types;
    }

    private static IReadOnlyList<PrinterColumn> Columns(JsonArray? columns) =>
        [.. (columns ?? []).OfType<JsonObject>().Select(c => new PrinterColumn(
            Str(c["name"]),
            c["type"]?.GetValue<string>() ?? "string",
            Str(c["jsonPath"]),
            c["priority"]?.GetValue<int>() ?? 0,
            c["description"]?.GetValue<string>() ?? "",
            c["format"]?.GetValue<string>()))];

    private static string Str(JsonNode? node) => node?.GetValue<string>() ?? "";

    private static IReadOnlyList<string> Strings(JsonNode? node) => [.. (node as JsonArray ?? []).Select(n => n?.GetValue<string>() ?? "")];
}
