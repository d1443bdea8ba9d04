using AppHost.Connections;
using AppHost.Kubernetes;
using AppHost.Prometheus;

namespace AppHost.Profiles;

/// <summary>
/// The embedded profile: every resource is a local process or runs inside the AppHost; nothing waits on a container.
/// </summary>
internal static class EmbeddedGraph
{
    public const string SampleNamespace = "keda-dotnet-sample";

    public static void Add(IDistributedApplicationBuilder builder, string root, string stateDirectory)
    {
        var prometheus = builder.AddPrometheus("prometheus", stateDirectory);

        var kubernetes = builder.AddEmbeddedKubernetes("kubernetes", Path.Combine(stateDirectory, "kubeconfig"))
            .WithManifests(Path.Combine(root, "deploy", "crds"))
            .WithManifests(Path.Combine(root, "deploy", "sample"))
            .WithDotnetImage("order-processor", RepositoryRoot.Assembly(root, Path.Combine("src", "OrderProcessor"), "OrderProcessor"));

        builder.AddEnvironmentFiles(stateDirectory, kubernetes, [prometheus.Resource]);
    }
}
