using System.Diagnostics;

namespace EmbeddedKubernetes.Tests.Support;

/// <summary>Runs the real kubectl against a cluster's kubeconfig; skips the test when kubectl is not installed.</summary>
public sealed class Kubectl
{
    private static readonly Lazy<string?> Path = new(Find);
    private readonly string _kubeconfig;

    public Kubectl(string kubeconfig) => _kubeconfig = kubeconfig;

    public static Kubectl For(EmbeddedCluster cluster)
    {
        if (Path.Value is null)
        {
            Assert.Skip("kubectl not found on PATH: install kubectl 1.32");
        }

        return new Kubectl(cluster.KubeconfigPath);
    }

    public Task<KubectlResult> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    /// <summary>Runs kubectl with optional stdin; bounded by a timeout so a hung watch cannot hang the suite.</summary>
    public async Task<KubectlResult> RunWithInputAsync(string? stdin, params string[] args)
    {
        var info = new ProcessStartInfo(Path.Value!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--kubeconfig");
        info.ArgumentList.Add(_kubeconfig);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["KUBECACHEDIR"] = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(_kubeconfig)!, "cache");
        using var process = Process.Start(info)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {string.Join(' ', args)} did not finish within 60s");
        }

        return new KubectlResult(process.ExitCode, await stdout, await stderr);
    }

    private static string? Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator))
        {
            var candidate = System.IO.Path.Combine(dir, "kubectl");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

public sealed record KubectlResult(int ExitCode, string Stdout, string Stderr)
{
    public KubectlResult EnsureSuccess() =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"kubectl failed ({ExitCode}): {Stderr}{Stdout}");
}
