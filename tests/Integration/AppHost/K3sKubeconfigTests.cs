using AppHost.Kubernetes;

namespace Integration.AppHost;

/// <summary>k3s's kubeconfig, rewritten for the API port the host reaches it on.</summary>
public sealed class K3sKubeconfigTests
{
    private const string Written = """
        apiVersion: v1
        clusters:
        - cluster:
            certificate-authority-data: TFMwdExTMUNSVWRKVGlCRFJWSlU=
            server: https://127.0.0.1:6443
          name: default
        contexts:
        - context:
            cluster: default
            user: default
          name: default
        current-context: default
        kind: Config
        """;

    [Fact]
    public void ForHost_PointsTheServerAtThePublishedPort_AndKeepsTheRest()
    {
        var kubeconfig = K3sKubeconfig.ForHost(Written, 41234);

        Assert.Contains("    server: https://127.0.0.1:41234\n", kubeconfig, StringComparison.Ordinal);
        Assert.DoesNotContain("6443", kubeconfig, StringComparison.Ordinal);
        Assert.Equal(Written.Replace("6443", "41234", StringComparison.Ordinal), kubeconfig);
    }

    [Fact]
    public void ForHost_WithoutAServerLine_SaysSo()
    {
        var error = Assert.Throws<FormatException>(() => K3sKubeconfig.ForHost("apiVersion: v1\nkind: Config\n", 41234));

        Assert.Equal("k3s's kubeconfig has no 'server:' line", error.Message);
    }
}
