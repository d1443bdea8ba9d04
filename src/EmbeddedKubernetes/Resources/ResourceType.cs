using System.Text.Json.Nodes;

namespace EmbeddedKubernetes.Resources;

/// <summary>One served (group, version, resource) with what discovery, storage and printing need to know.</summary>
internal sealed record ResourceType
{
    public required string Group { get; init; }
    public required string Version { get; init; }
    public required string Plural { get; init; }
    public required string Singular { get; init; }
    public required string Kind { get; init; }
    public required bool Namespaced { get; init; }
    public IReadOnlyList<string> ShortNames { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public bool HasStatus { get; init; }
    public ScaleSubresource? Scale { get; init; }

    /// <summary>Built-ins accept strategic merge patch; custom resources answer it with 415.</summary>
    public bool IsBuiltIn { get; init; } = true;

    /// <summary>True when this version is where objects are stored (CRDs: spec.versions[].storage).</summary>
    public bool Storage { get; init; } = true;

    /// <summary>CRD additionalPrinterColumns; empty means the built-in or the generic NAME/AGE columns.</summary>
    public IReadOnlyList<PrinterColumn> PrinterColumns { get; init; } = [];

    /// <summary>CRD openAPIV3Schema used for defaulting and pruning; null for built-ins.</summary>
    public JsonObject? Schema { get; init; }

    /// <summary>Kubernetes allows PUT without resourceVersion for most built-ins, never for custom resources.</summary>
    public bool AllowUnconditionalUpdate { get; init; } = true;

    /// <summary>Leases (and a few other built-ins) may be created by PUT.</summary>
    public bool AllowCreateOnUpdate { get; init; }

    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>Storage identity shared by all versions of one resource: "plural.group".</summary>
    public string GroupResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    public string ListKind => Kind + "List";
}

/// <summary>Where /scale reads and writes replicas (JSON paths with a leading dot, as CRDs spell them).</summary>
internal sealed record ScaleSubresource(string SpecReplicasPath, string StatusReplicasPath, string? LabelSelectorPath);

/// <summary>A printer column: name, type, JSONPath, priority (0 default view, >0 only with -o wide).</summary>
internal sealed record PrinterColumn(string Name, string Type, string JsonPath, int Priority, string Description, string? Format = null);
