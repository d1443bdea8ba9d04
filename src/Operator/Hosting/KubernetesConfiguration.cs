using k8s;

namespace Operator.Hosting;

/// <summary>Client configuration as client-go programs find it: an explicit kubeconfig, else in-cluster, else KUBECONFIG/~/.kube/config.</summary>
public static class KubernetesConfiguration
{
    public static KubernetesClientConfiguration Load(string? kubeconfigPath, string? context)
    {
        if (!string.IsNullOrEmpty(kubeconfigPath))
        {
            return KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfigPath, context);
        }

        if (KubernetesClientConfiguration.IsInCluster())
        {
            return KubernetesClientConfiguration.InClusterConfig();
        }

        return KubernetesClientConfiguration.BuildConfigFromConfigFile(Environment.GetEnvironmentVariable("KUBECONFIG") is { Length: > 0 } env
            ? env.Split(Path.PathSeparator)[0]
            : null, context);
    }
}
