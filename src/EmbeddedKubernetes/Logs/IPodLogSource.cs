namespace EmbeddedKubernetes.Logs;

/// <summary>A pod runtime's container output, as the kubelet serves it to <c>pods/log</c>.</summary>
public interface IPodLogSource
{
    /// <summary>
    /// The current run of the container (or the one before it when <paramref name="previous"/>), or null when this
    /// runtime does not run the pod or, for <paramref name="previous"/>, the container has not restarted.
    /// </summary>
    ContainerLog? GetLog(string ns, string pod, string container, bool previous);
}
