namespace AppHost.Kubernetes;

/// <summary>
/// The <c>kubernetes</c> resource of either profile (the embedded control plane or k3s): a kubeconfig on disk for
/// kubectl, the operator and other terminals, and the setup the AppHost applies once it serves.
/// </summary>
internal interface IKubernetesClusterResource : IResourceWithWaitSupport
{
    /// <summary>Where the kubeconfig (reachable from the host) is written while the cluster runs.</summary>
    string KubeconfigPath { get; }

    ClusterSetup Setup { get; }
}
