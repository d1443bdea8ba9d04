using Microsoft.Extensions.Logging;

namespace EmbeddedKubernetes.Hosting;

internal static partial class EmbeddedKubernetesLog
{
    [LoggerMessage(1, LogLevel.Information, "Embedded control plane listening on {Url}; kubeconfig at {KubeconfigPath}")]
    public static partial void Listening(ILogger logger, Uri url, string kubeconfigPath);

    [LoggerMessage(2, LogLevel.Error, "Background loop {Name} failed")]
    public static partial void LoopFailed(ILogger logger, string name, Exception exception);
}
