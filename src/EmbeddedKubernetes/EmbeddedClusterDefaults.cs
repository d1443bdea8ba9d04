namespace EmbeddedKubernetes;

/// <summary>Defaults for <see cref="EmbeddedClusterOptions"/>, in one place.</summary>
public static class EmbeddedClusterDefaults
{
    /// <summary>Events kept for watch resume; older resourceVersions answer 410 Expired.</summary>
    public const int WatchHistoryLimit = 10_000;

    /// <summary>How often an idle watch with allowWatchBookmarks=true gets a BOOKMARK (kube-apiserver: about a minute).</summary>
    public static readonly TimeSpan BookmarkInterval = TimeSpan.FromMinutes(1);

    /// <summary>How long a watch without timeoutSeconds stays open (kube-apiserver: 30-60 minutes).</summary>
    public static readonly TimeSpan WatchTimeout = TimeSpan.FromMinutes(30);

    /// <summary>How often remote APIServices are probed for status.conditions[Available].</summary>
    public static readonly TimeSpan ApiServiceProbeInterval = TimeSpan.FromSeconds(10);

    /// <summary>Namespaces every cluster starts with.</summary>
    public static readonly IReadOnlyList<string> Namespaces = ["default", "kube-system", "kube-public", "kube-node-lease"];
}
