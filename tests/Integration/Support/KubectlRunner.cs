using System.Diagnostics;

namespace Integration.Support;

/// <summary>The real kubectl against an embedded cluster's kubeconfig; the test skips when kubectl is absent.</summary>
internal sealed class KubectlRunner(string kubeconfig)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static KubectlRunner For(string kubeconfig)
    {
        if (Find() is null)
        {
            Assert.Skip("kubectl not found on PATH: install kubectl 1.32 to run the kubectl end-to-end tests");
        }

        return new KubectlRunner(kubeconfig);
    }

    /// <summary>Runs kubectl and returns stdout; a non-zero exit fails the test with kubectl's stderr.</summary>
    public async Task<string> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo(Find()!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--kubeconfig");
        info.ArgumentList.Add(kubeconfig);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["KUBECACHEDIR"] = Path.Combine(Path.GetDirectoryName(kubeconfig)!, "kubectl-cache");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {string.Join(' ', args)} did not finish within {Timeout}");
        }

        Assert.True(process.ExitCode == 0, $"kubectl {string.Join(' ', args)} exited {process.ExitCode}: {await stderr}");
        return await stdout;
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "kubectl"))
            .FirstOrDefault(System.IO.File.Exists);
}
