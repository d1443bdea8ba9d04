namespace Operator.Manifests;

/// <summary>The objects read from the input, or the first reason the input could not be read.</summary>
public sealed record ManifestReadResult(ManifestSet? Set, ManifestReadError? Error)
{
    public static ManifestReadResult Success(ManifestSet set) => new(set, null);

    public static ManifestReadResult Failure(ManifestReadError error) => new(null, error);
}
