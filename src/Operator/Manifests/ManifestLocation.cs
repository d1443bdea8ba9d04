namespace Operator.Manifests;

/// <summary>Where something was written: file, 1-based line and column (0 when unknown).</summary>
public sealed record ManifestLocation(string File, int Line, int Column)
{
    public override string ToString() => Line <= 0 ? File : Column <= 0 ? $"{File}:{Line}" : $"{File}:{Line}:{Column}";
}
