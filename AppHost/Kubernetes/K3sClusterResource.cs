namespace AppHost.Kubernetes;

/// <summary>
/// k3s in a privileged container: the containers profile's <c>kubernetes</c>. Its API port is published on a fixed
/// free port, the kubeconfig it writes to a bind-mounted folder is rewritten for that port into
/// <see cref="KubeconfigPath"/>, and the AppHost then imports images, applies manifests and patches values.
/// </summary>
public sealed class K3sClusterResource(string name, string kubeconfigPath, string outputDirectory) : ContainerResource(name), IKubernetesClusterResource
{
    internal const string ApiEndpointName = "https";

    internal const int ApiPort = 6443;

    /// <summary>Where <see cref="OutputDirectory"/> is mounted inside the container.</summary>
    internal const string OutputMountPath = "/output";

    /// <summary>The kubeconfig k3s writes (<c>K3S_KUBECONFIG_OUTPUT</c>), server <c>https://127.0.0.1:6443</c>.</summary>
    internal const string KubeconfigFileName = "kubeconfig.yaml";

    private readonly ClusterSetup _setup = new();
    private EndpointReference? _api;

    /// <summary>The kubeconfig for host processes (server at the published API port).</summary>
    public string KubeconfigPath { get; } = kubeconfigPath;

    public EndpointReference ApiEndpoint => _api ??= new(this, ApiEndpointName);

    ClusterSetup IKubernetesClusterResource.Setup => _setup;

    /// <summary>The host folder mounted at <see cref="OutputMountPath"/>: k3s's kubeconfig, image tarballs to import.</summary>
    internal string OutputDirectory { get; } = outputDirectory;

    /// <summary>Images built on the host and imported into k3s's containerd before the manifests are applied.</summary>
    internal List<ContainerImageImport> Images { get; } = [];

    /// <summary>What the AppHost is doing to the cluster, shown by its health check until it is ready.</summary>
    internal string Stage { get; set; } = "waiting for k3s to write its kubeconfig";
}
