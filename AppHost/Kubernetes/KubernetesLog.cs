using Microsoft.Extensions.Logging;

namespace AppHost.Kubernetes;

internal static partial class KubernetesLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Control plane serving at {Url}; kubeconfig {Kubeconfig}")]
    public static partial void ClusterStarted(ILogger logger, Uri url, string kubeconfig);

    [LoggerMessage(Level = LogLevel.Error, Message = "The control plane failed to start")]
    public static partial void StartFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "kubectl apply {Flag} {Path}, with the running values set in its documents")]
    public static partial void Applying(ILogger logger, string flag, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Line}")]
    public static partial void KubectlOutput(ILogger logger, string line);

    [LoggerMessage(Level = LogLevel.Error, Message = "kubectl exited {ExitCode} applying {Path}: {Error}")]
    public static partial void ApplyFailed(ILogger logger, int exitCode, string path, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Manifests {Path} not found; skipped")]
    public static partial void ManifestsMissing(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No manifest declares {Target}; its running value is not set")]
    public static partial void ValueNotDeclared(ILogger logger, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "kubectl is not installed (Debian: apt-get install kubectl); only the CRDs of {Path} are created, through the API")]
    public static partial void KubectlMissing(ILogger logger, string path);
}
