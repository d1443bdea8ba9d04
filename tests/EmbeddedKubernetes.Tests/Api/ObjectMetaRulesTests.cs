using EmbeddedKubernetes.Tests.Support;

namespace EmbeddedKubernetes.Tests.Api;

public sealed class ObjectMetaRulesTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Create_WithANumberAsName_IsTheClientsError_NotAServerError()
    {
        var ns = await fixture.NamespaceAsync(TestContext.Current.CancellationToken);
        var file = Path.Combine(Path.GetTempPath(), $"numeric-name-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":5}}", TestContext.Current.CancellationToken);

        var result = await Kubectl.For(fixture.Cluster).RunAsync("create", "--raw", $"/api/v1/namespaces/{ns}/configmaps", "-f", file);
        File.Delete(file);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("is invalid", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("InternalError", result.Stderr, StringComparison.Ordinal);
    }
}
