using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace AppHost.Kubernetes;

/// <summary><c>AddK3s("kubernetes")</c>: a k3s server in a container, shaped like CommunityToolkit.Aspire.Hosting.K3s.</summary>
internal static class K3sBuilderExtensions
{
    public const string Registry = "docker.io";
    public const string Image = "rancher/k3s";
    public const string Tag = "v1.36.0-k3s1";

    /// <summary>
    /// k3s (privileged, host cgroup namespace, tmpfs <c>/run</c>; no traefik, servicelb or metrics-server) with its API
    /// published on a fixed free port and its kubeconfig written to a bind-mounted folder under
    /// <paramref name="stateDirectory"/>. Healthy once every node is Ready, CoreDNS runs, the images are imported, the
    /// manifests applied and the values patched (<see cref="K3sProvisioner"/>).
    /// </summary>
    public static IResourceBuilder<K3sClusterResource> AddK3s(this IDistributedApplicationBuilder builder, string name, string stateDirectory)
    {
        var port = Hosting.FreePort.Next();
        var output = Path.Combine(stateDirectory, name);
        var resource = new K3sClusterResource(name, Path.Combine(stateDirectory, "kubeconfig"), output);
        var healthKey = $"{name}_ready";
        builder.Services.AddHealthChecks().AddCheck(
            healthKey,
            () => ((IKubernetesClusterResource)resource).Setup.IsReady ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(resource.Stage));
        builder.Eventing.Subscribe<BeforeStartEvent>((_, _) =>
        {
            // k3s writes its kubeconfig here; a stale one from an earlier run would be read before the new one exists.
            Directory.CreateDirectory(output);
            File.Delete(Path.Combine(output, K3sClusterResource.KubeconfigFileName));
            return Task.CompletedTask;
        });
        return builder.AddResource(resource)
            .WithImage(Image, Tag)
            .WithImageRegistry(Registry)
            .WithContainerRuntimeArgs("--privileged", "--cgroupns=host", "--tmpfs", "/run", "--tmpfs", "/var/run")
            .WithBindMount("/sys/fs/cgroup", "/sys/fs/cgroup")
            .WithBindMount(output, K3sClusterResource.OutputMountPath)
            .WithEndpoint(port: port, targetPort: K3sClusterResource.ApiPort, scheme: "https", name: K3sClusterResource.ApiEndpointName, isProxied: false)
            .WithEnvironment("K3S_KUBECONFIG_OUTPUT", $"{K3sClusterResource.OutputMountPath}/{K3sClusterResource.KubeconfigFileName}")
            .WithEnvironment("K3S_KUBECONFIG_MODE", "644")
            .WithArgs("server", "--disable=traefik", "--disable=servicelb", "--disable=metrics-server", "--tls-san=127.0.0.1", "--tls-san=localhost")
            .WithHealthCheck(healthKey)
            .OnBeforeResourceStarted((cluster, e, cancellationToken) =>
            {
                // Runs until the cluster is set up (or the AppHost stops); the event handler itself must return.
                var stopping = e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
                _ = new K3sProvisioner(cluster, port, e.Services).RunAsync(stopping);
                return Task.CompletedTask;
            });
    }

    /// <summary>Builds <paramref name="project"/>'s container image and imports it as <paramref name="image"/> before the manifests apply.</summary>
    public static IResourceBuilder<K3sClusterResource> WithImportedImage(this IResourceBuilder<K3sClusterResource> builder, string project, string image)
    {
        builder.Resource.Images.Add(new ContainerImageImport(project, image));
        return builder;
    }
}
