using Microsoft.Extensions.Logging;

namespace AppHost.Kubernetes;

internal static partial class K3sLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "k3s: {Stage}")]
    public static partial void Stage(ILogger logger, string stage);

    [LoggerMessage(Level = LogLevel.Information, Message = "k3s serves at https://127.0.0.1:{Port}; kubeconfig {Kubeconfig}; host processes are reached at {HostAddress}")]
    public static partial void Serving(ILogger logger, int port, string kubeconfig, string hostAddress);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported image {Image} into k3s")]
    public static partial void ImageImported(ILogger logger, string image);

    [LoggerMessage(Level = LogLevel.Error, Message = "Setting up k3s failed while {Stage}")]
    public static partial void SetupFailed(ILogger logger, string stage, Exception exception);
}
