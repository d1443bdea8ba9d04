using EmbeddedKubernetes.Controllers.Pods;

namespace AppHost.Kubernetes;

/// <summary>
/// The embedded control plane as a resource: started inside the AppHost (so its process pods can be given local
/// programs and the brokers' connection strings), with a kubeconfig on disk for kubectl and the operator.
/// </summary>
public sealed class EmbeddedKubernetesResource(string name, string kubeconfigPath) : Resource(name), IKubernetesClusterResource
{
    private readonly ClusterSetup _setup = new();

    /// <summary>Where the kubeconfig is written while the cluster runs.</summary>
    public string KubeconfigPath { get; } = kubeconfigPath;

    /// <summary>Image → local program for process pods (e.g. the order processor image).</summary>
    public ProcessPodOptions Pods { get; } = new();

    ClusterSetup IKubernetesClusterResource.Setup => _setup;

    /// <summary>Environment every process pod gets (connection strings, OTLP), resolved when the cluster starts.</summary>
    internal Dictionary<string, ReferenceExpression> PodEnvironment => _setup.PodEnvironment;

    /// <summary>Manifest files or folders applied, in order, before the resource reports healthy.</summary>
    internal List<string> Manifests => _setup.Manifests;


    /// <summary>True once the cluster serves and every manifest is applied.</summary>
    internal bool IsReady
    {
        get => _setup.IsReady;
        set => _setup.IsReady = value;
    }
}
