using Microsoft.Extensions.Logging;

namespace EmbeddedKubernetes;

/// <summary>How to start an <see cref="EmbeddedCluster"/>.</summary>
public sealed class EmbeddedClusterOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Where to write the kubeconfig; null writes one into a fresh temporary directory (removed on dispose).</summary>
    public string? KubeconfigPath { get; set; }

    /// <summary>Handed to the workload controllers: stub pods or local processes.</summary>
    public PodRuntime PodRuntime { get; set; } = PodRuntime.Stub;

    /// <summary>Clock for timestamps, ages, bookmarks and watch timeouts.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Events retained for watch resume (see <see cref="EmbeddedClusterDefaults.WatchHistoryLimit"/>).</summary>
    public int WatchHistoryLimit { get; set; } = EmbeddedClusterDefaults.WatchHistoryLimit;

    /// <summary>Events buffered per watch (see <see cref="EmbeddedClusterDefaults.WatchBufferSize"/>); a slower watcher is closed.</summary>
    public int WatchBufferSize { get; set; } = EmbeddedClusterDefaults.WatchBufferSize;

    public TimeSpan BookmarkInterval { get; set; } = EmbeddedClusterDefaults.BookmarkInterval;

    public TimeSpan WatchTimeout { get; set; } = EmbeddedClusterDefaults.WatchTimeout;

    public TimeSpan ApiServiceProbeInterval { get; set; } = EmbeddedClusterDefaults.ApiServiceProbeInterval;

    /// <summary>
    /// Background loops started once the server listens (the workload, Job and HPA controllers register here);
    /// each runs until the cluster is disposed.
    /// </summary>
    public IList<Func<EmbeddedCluster, CancellationToken, Task>> Controllers { get; } = [];

    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Set when a kubelet will run pods (the built-in controllers): pod deletion is then graceful from the start.</summary>
    internal bool RunsKubelet { get; set; }

    /// <summary>Throws with the offending option's name and the accepted values.</summary>
    public void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "Port must be between 0 (any free port) and 65535.");
        }

        if (WatchHistoryLimit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(WatchHistoryLimit), WatchHistoryLimit, "WatchHistoryLimit must be at least 1.");
        }

        if (WatchBufferSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(WatchBufferSize), WatchBufferSize, "WatchBufferSize must be at least 1.");
        }

        if (BookmarkInterval <= TimeSpan.Zero || WatchTimeout <= TimeSpan.Zero || ApiServiceProbeInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(BookmarkInterval), "BookmarkInterval, WatchTimeout and ApiServiceProbeInterval must be positive.");
        }
    }
}
