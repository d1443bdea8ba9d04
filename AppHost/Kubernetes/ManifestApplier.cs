using System.Diagnostics;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace AppHost.Kubernetes;

/// <summary>
/// Applies manifests with the real kubectl (kustomize folders with <c>-k</c>), the way a user would; without kubectl
/// it still creates the CRDs of a folder through the API so the operator can start.
/// </summary>
internal sealed class ManifestApplier(string kubeconfigPath, ILogger logger)
{
    public async Task ApplyAsync(Func<IKubernetes> createClient, string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            KubernetesLog.ManifestsMissing(logger, path);
            return;
        }

        var kustomize = Directory.Exists(path) && File.Exists(Path.Combine(path, "kustomization.yaml"));
        string[] arguments = ["--kubeconfig", kubeconfigPath, "apply", kustomize ? "-k" : "-f", path];
        KubernetesLog.Applying(logger, arguments[3], path);
        int exitCode;
        string error;
        try
        {
            (exitCode, error) = await RunKubectlAsync(arguments, cancellationToken);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            KubernetesLog.KubectlMissing(logger, path);
            await CreateCrdsAsync(createClient, path, cancellationToken);
            return;
        }

        if (exitCode != 0)
        {
            KubernetesLog.ApplyFailed(logger, exitCode, path, error);
            throw new InvalidOperationException($"kubectl apply of {path} exited {exitCode}: {error}");
        }
    }

    private async Task<(int ExitCode, string Error)> RunKubectlAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            KubernetesLog.KubectlOutput(logger, line);
        }

        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, (await stderr).Trim());
    }

    private static async Task CreateCrdsAsync(Func<IKubernetes> createClient, string path, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(path))
        {
            return;
        }

        using var client = createClient();
        foreach (var file in Directory.EnumerateFiles(path, "*.yaml").Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (object document in await KubernetesYaml.LoadAllFromFileAsync(file))
            {
                if (document is V1CustomResourceDefinition crd)
                {
                    await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: cancellationToken);
                }
            }
        }
    }
}
