using AppHost.Profiles;
using Integration.Support;
using k8s;

namespace Integration.AppHostProfiles;

public sealed class EmbeddedProfileTests
{
    [Fact]
    public async Task EmbeddedProfile_StartsTheControlPlane_WithKedaCrdsServed()
    {
        var state = Directory.CreateTempSubdirectory("apphost-state-").FullName;
        try
        {
            await using (await EmbeddedProfile.StartAsync(Repository.Root, state, TextWriter.Null, TestContext.Current.CancellationToken))
            {
                var kubeconfig = Path.Combine(state, "kubeconfig");
                using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));

                var crds = await client.ApiextensionsV1.ListCustomResourceDefinitionAsync(cancellationToken: TestContext.Current.CancellationToken);
                var scaledObjects = await client.CustomObjects.ListNamespacedCustomObjectAsync(
                    "keda.sh", "v1alpha1", "default", "scaledobjects", cancellationToken: TestContext.Current.CancellationToken);

                Assert.Equal(
                    ["clustertriggerauthentications.keda.sh", "scaledjobs.keda.sh", "scaledobjects.keda.sh", "triggerauthentications.keda.sh"],
                    crds.Items.Select(crd => crd.Metadata.Name).Order(StringComparer.Ordinal));
                Assert.NotNull(scaledObjects);
            }
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }
}
