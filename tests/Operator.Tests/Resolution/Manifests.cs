using Operator.Manifests;

namespace Operator.Tests.Resolution;

/// <summary>Builds a <see cref="ManifestSet"/> from inline YAML.</summary>
internal static class Manifests
{
    public static ManifestSet Read(string yaml)
    {
        var set = new ManifestSet();
        var error = ManifestReader.ReadText(set, "test.yaml", yaml);
        Assert.Null(error);
        return set;
    }
}
