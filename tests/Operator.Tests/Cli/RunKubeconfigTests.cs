namespace Operator.Tests.Cli;

/// <summary><c>run</c> with a cluster configuration it cannot use: a plain error naming where it looked, no stack trace.</summary>
public sealed class RunKubeconfigTests
{
    [Fact]
    public async Task Run_WithAMissingKubeconfig_ExitsWithUsage_NamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}", "kubeconfig");

        var run = await CliRun.RunAsync("run", "--kubeconfig", path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"run: cannot use the cluster configuration (--kubeconfig {path}): ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(path, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithAContextTheKubeconfigLacks_ExitsWithUsage_NamingTheContext()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kubeconfig-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(path, """
            apiVersion: v1
            kind: Config
            clusters:
            - name: local
              cluster: {server: "https://127.0.0.1:1"}
            users:
            - name: local
              user: {token: not-a-secret}
            contexts:
            - name: local
              context: {cluster: local, user: local}
            current-context: local
            """, TestContext.Current.CancellationToken);
        try
        {
            var run = await CliRun.RunAsync("run", "--kubeconfig", path, "--context", "elsewhere");

            Assert.Equal(2, run.ExitCode);
            Assert.StartsWith("run: cannot use the cluster configuration", run.Stderr, StringComparison.Ordinal);
            Assert.Contains("elsewhere", run.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("not-a-secret", run.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
