namespace Operator.Manifests;

/// <summary>
/// What <c>validate</c> reads of a CustomResourceDefinition in the input: the kind it defines, its plural resource
/// (<c>spec.names.plural</c>) and the versions it serves — the RESTMapper's answer for that kind once it is applied.
/// </summary>
public sealed record CustomResourceKind(string Group, string Kind, string Plural, IReadOnlyList<string> ServedVersions);
