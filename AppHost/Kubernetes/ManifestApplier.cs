using System.Diagnostics;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Kubernetes.Controller.Yaml;
using Microsoft.Extensions.Logging;

namespace AppHost.Kubernetes;

/// <summary>
/// Applies manifests with the real kubectl, the way a user would, but with the running values already in them: each
/// file or folder is rendered (kustomize folders with <c>kubectl kustomize</c>), the values are written into its
/// documents and the result goes to one <c>kubectl apply -f -</c>. Without kubectl it still creates the CRDs of a
/// folder through the API so the operator can start.
/// </summary>
internal sealed class ManifestApplier(string kubeconfigPath, ILogger logger)
{
    private static readonly string[] ManifestExtensions = [".json", ".yaml", ".yml"];

    /// <summary>Applies <paramref name="paths"/> in order with <paramref name="values"/> set; warns about a value no manifest declares.</summary>
    public async Task ApplyAsync(Func<IKubernetes> createClient, IEnumerable<string> paths, ManifestValues values, CancellationToken cancellationToken)
    {
        var found = new HashSet<ClusterValue>();
        foreach (var path in paths)
        {
            await ApplyAsync(createClient, path, values, found, cancellationToken);
        }

        foreach (var (target, _) in values.Keys.Where(key => !found.Contains(key.Target)))
        {
            KubernetesLog.ValueNotDeclared(logger, target.ToString());
        }
    }

    private async Task ApplyAsync(Func<IKubernetes> createClient, string path, ManifestValues values, ISet<ClusterValue> found, CancellationToken cancellationToken)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            KubernetesLog.ManifestsMissing(logger, path);
            return;
        }

        var kustomize = Directory.Exists(path) && File.Exists(Path.Combine(path, "kustomization.yaml"));
        KubernetesLog.Applying(logger, kustomize ? "-k" : "-f", path);
        try
        {
            var documents = await RenderAsync(path, kustomize, cancellationToken);
            if (documents.Count == 0)
            {
                return;
            }

            // A YAML stream of one-line JSON documents (JSON is YAML): kubectl applies them in order, as it would the files.
            var stream = string.Concat(documents.Select(document => $"---\n{values.With(document, found).ToJsonString()}\n"));
            var (exitCode, output, error) = await RunKubectlAsync(["apply", "-f", "-"], stream, cancellationToken);
            foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                KubernetesLog.KubectlOutput(logger, line);
            }

            if (exitCode != 0)
            {
                KubernetesLog.ApplyFailed(logger, exitCode, path, error);
                throw new InvalidOperationException($"kubectl apply of {path} exited {exitCode}: {error}");
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            KubernetesLog.KubectlMissing(logger, path);
            await CreateCrdsAsync(createClient, path, cancellationToken);
        }
    }

    /// <summary>The documents <c>kubectl apply -k</c> or <c>-f</c> would send: kustomize's output, or the file, or a folder's manifest files in name order.</summary>
    private async Task<IReadOnlyList<JsonNode>> RenderAsync(string path, bool kustomize, CancellationToken cancellationToken)
    {
        if (kustomize)
        {
            var (exitCode, output, error) = await RunKubectlAsync(["kustomize", path], null, cancellationToken);
            return exitCode == 0
                ? YamlToJson.ConvertAll(output)
                : throw new InvalidOperationException($"kubectl kustomize {path} exited {exitCode}: {error}");
        }

        IEnumerable<string> files = File.Exists(path)
            ? [path]
            : Directory.EnumerateFiles(path).Where(file => ManifestExtensions.Contains(Path.GetExtension(file), StringComparer.Ordinal)).Order(StringComparer.Ordinal);
        var documents = new List<JsonNode>();
        foreach (var file in files)
        {
            documents.AddRange(YamlToJson.ConvertAll(await File.ReadAllTextAsync(file, cancellationToken)));
        }

        return documents;
    }

    private async Task<(int ExitCode, string Output, string Error)> RunKubectlAsync(string[] arguments, string? input, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("kubectl")
        {
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(kubeconfigPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input.AsMemory(), cancellationToken);
            process.StandardInput.Close();
        }

        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout, (await stderr).Trim());
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
