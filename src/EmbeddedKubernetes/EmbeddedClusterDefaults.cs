namespace EmbeddedKubernetes;

/// <summary>Defaults for <see cref="EmbeddedClusterOptions"/>, in one place.</summary>
public static class EmbeddedClusterDefaults
{
    /// <summary>Events kept for watch resume; older resourceVersions answer 410 Expired.</summary>
    public const int WatchHistoryLimit = 10_000;

    /// <summary>Events buffered per watch beyond what its client has read; a watcher that falls further behind is closed.</summary>
    public const int WatchBufferSize = 1_000;

    /// <summary>Paged-list snapshots kept for continue tokens (the oldest is dropped first).</summary>
    public const int ListSnapshots = 64;

    /// <summary>How long a continue token stays valid (kube-apiserver: until etcd compacts, every 5 minutes).</summary>
    public static readonly TimeSpan ContinueTokenLifetime = TimeSpan.FromMinutes(5);

    /// <summary>How often an idle watch with allowWatchBookmarks=true gets a BOOKMARK (kube-apiserver: about a minute).</summary>
    public static readonly TimeSpan BookmarkInterval = TimeSpan.FromMinutes(1);

    /// <summary>How long a watch without timeoutSeconds stays open (kube-apiserver: 30-60 minutes).</summary>
    public static readonly TimeSpan WatchTimeout = TimeSpan.FromMinutes(30);

    /// <summary>How often remote APIServices are probed for status.conditions[Available].</summary>
    public static readonly TimeSpan ApiServiceProbeInterval = TimeSpan.FromSeconds(10);

    /// <summary>How long a stopping listener waits for in-flight requests before it aborts their connections (wall-clock: Kestrel's).</summary>
    public static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(2);

    /// <summary>Namespaces every cluster starts with.</summary>
    public static readonly IReadOnlyList<string> Namespaces = ["default", "kube-system", "kube-public", "kube-node-lease"];
}
