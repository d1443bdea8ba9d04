using EmbeddedKubernetes;
using EmbeddedKubernetes.Controllers;
using k8s;
using k8s.Models;

namespace AppHost.Profiles;

/// <summary>
/// The embedded profile: the in-process control plane with its built-in controllers, KEDA's CRDs applied, and a
/// kubeconfig on disk so <c>kubectl</c> works against it.
/// </summary>
internal sealed class EmbeddedProfile : IAsyncDisposable
{
    private readonly EmbeddedCluster _cluster;

    private EmbeddedProfile(EmbeddedCluster cluster) => _cluster = cluster;

    public static async Task<EmbeddedProfile> StartAsync(string root, string stateDirectory, TextWriter stdout, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(stateDirectory);
        var options = new EmbeddedClusterOptions
        {
            KubeconfigPath = Path.Combine(stateDirectory, "kubeconfig"),
            PodRuntime = PodRuntime.Process,
        }.AddBuiltInControllers();
        var cluster = await EmbeddedCluster.StartAsync(options, cancellationToken);
        try
        {
            await stdout.WriteLineAsync($"  kubernetes   running   {cluster.Url}  (embedded control plane)");
            await stdout.WriteLineAsync($"               kubeconfig {cluster.KubeconfigPath}");
            var crds = await ApplyCrdsAsync(cluster, Path.Combine(root, "deploy", "crds"), cancellationToken);
            await stdout.WriteLineAsync($"  keda CRDs    applied   {string.Join(", ", crds)}");
            await stdout.WriteLineAsync($"  try: kubectl --kubeconfig {cluster.KubeconfigPath} get crds");
            return new EmbeddedProfile(cluster);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _cluster.DisposeAsync();

    /// <summary>Creates every CRD found in <paramref name="directory"/>; returns their names.</summary>
    internal static async Task<IReadOnlyList<string>> ApplyCrdsAsync(EmbeddedCluster cluster, string directory, CancellationToken cancellationToken)
    {
        using var client = cluster.CreateClient();
        var names = new List<string>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(await File.ReadAllTextAsync(file, cancellationToken));
            await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: cancellationToken);
            names.Add(crd.Metadata.Name);
        }

        return names;
    }
}
