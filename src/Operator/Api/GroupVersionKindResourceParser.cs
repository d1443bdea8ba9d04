namespace Operator.Api;

/// <summary>KEDA's <c>ParseGVKR</c>: <c>scaleTargetRef.apiVersion/kind</c> with the <c>apps/v1</c> Deployment defaults.</summary>
public static class GroupVersionKindResourceParser
{
    /// <summary>Resolves the plural resource of a kind KEDA does not know by heart (KEDA asks the RESTMapper).</summary>
    public delegate string? ResourceResolver(string group, string version, string kind);

    /// <summary>
    /// Parses apiVersion and kind. Deployment and StatefulSet resolve without a resolver; other kinds use
    /// <paramref name="resolveResource"/> and fail with the RESTMapper's message when it cannot map them.
    /// </summary>
    public static bool TryParse(
        string? apiVersion,
        string? kind,
        ResourceResolver? resolveResource,
        out GroupVersionKindResource gvkr,
        out string? error)
    {
        gvkr = new GroupVersionKindResource();
        string group, version;
        if (string.IsNullOrEmpty(apiVersion))
        {
            group = ScaledObjectDefaults.DefaultTargetGroup;
            version = ScaledObjectDefaults.DefaultTargetVersion;
        }
        else if (!TryParseGroupVersion(apiVersion, out group, out version))
        {
            error = $"unexpected GroupVersion string: {apiVersion}";
            return false;
        }

        var effectiveKind = string.IsNullOrEmpty(kind) ? ScaledObjectDefaults.DefaultTargetKind : kind;
        var resource = effectiveKind switch
        {
            ScaledObjectDefaults.DefaultTargetKind => ScaledObjectDefaults.DefaultTargetResource,
            "StatefulSet" => "statefulsets",
            _ => resolveResource?.Invoke(group, version, effectiveKind),
        };
        if (resource is null)
        {
            error = $"no matches for kind \"{effectiveKind}\" in version \"{FormatGroupVersion(group, version)}\"";
            return false;
        }

        gvkr = new GroupVersionKindResource { Group = group, Version = version, Kind = effectiveKind, Resource = resource };
        error = null;
        return true;
    }

    /// <summary>The GVK string (<c>group/version.Kind</c>) of a target without resolving its resource.</summary>
    public static string GvkString(string? apiVersion, string? kind)
    {
        string group = ScaledObjectDefaults.DefaultTargetGroup, version = ScaledObjectDefaults.DefaultTargetVersion;
        if (!string.IsNullOrEmpty(apiVersion) && !TryParseGroupVersion(apiVersion, out group, out version))
        {
            group = "";
            version = "";
        }

        return $"{group}/{version}.{(string.IsNullOrEmpty(kind) ? ScaledObjectDefaults.DefaultTargetKind : kind)}";
    }

    /// <summary>apimachinery's <c>schema.ParseGroupVersion</c>: <c>v1</c> is the core group, at most one slash.</summary>
    public static bool TryParseGroupVersion(string apiVersion, out string group, out string version)
    {
        group = "";
        version = "";
        if (apiVersion.Length == 0 || apiVersion == "/")
        {
            return true;
        }

        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            version = apiVersion;
            return true;
        }

        if (apiVersion.IndexOf('/', slash + 1) >= 0)
        {
            return false;
        }

        group = apiVersion[..slash];
        version = apiVersion[(slash + 1)..];
        return true;
    }

    private static string FormatGroupVersion(string group, string version) =>
        group.Length == 0 ? version : $"{group}/{version}";
}
