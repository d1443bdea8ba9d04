namespace Operator.Manifests;

/// <summary>An object read from the input together with where its document starts.</summary>
public sealed record Located<T>(T Object, ManifestLocation Location);
