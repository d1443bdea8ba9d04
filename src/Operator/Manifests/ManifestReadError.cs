namespace Operator.Manifests;

/// <summary>Input that cannot be read (missing file, YAML syntax, a field of the wrong type): exit code 2.</summary>
public sealed record ManifestReadError(ManifestLocation Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}
