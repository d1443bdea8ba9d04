namespace AppHost.Kubernetes;

/// <summary>
/// An image built from a project with <c>dotnet publish -t:PublishContainer</c> (its csproj names repository and tag)
/// into the local Docker engine, saved to a tarball and imported into k3s with <c>k3s ctr images import</c>, so pods
/// whose image is <see cref="Image"/> (<c>imagePullPolicy: IfNotPresent</c>) start without a registry.
/// </summary>
internal sealed record ContainerImageImport(string Project, string Image)
{
    /// <summary>The tarball's file name in the cluster's output folder.</summary>
    public string TarballName => Image.Replace('/', '_').Replace(':', '_') + ".tar";
}
