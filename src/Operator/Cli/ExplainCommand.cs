using System.Net.Http.Json;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using Operator.Api;
using Operator.Decisions;

namespace Operator.Cli;

/// <summary>
/// <c>explain NAMESPACE/NAME [--kubeconfig PATH] [--context NAME] [--operator-url URL]</c>: the ScaledObject's status and
/// conditions from the cluster, then the operator's recent decisions in plain words. Exit 0 shown, 1 not found or the
/// cluster/operator unreachable, 2 bad arguments.
/// </summary>
internal static class ExplainCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        string? target = null, kubeconfig = null, context = null, operatorUrl = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--kubeconfig" when i + 1 < args.Count: kubeconfig = args[++i]; break;
                case "--context" when i + 1 < args.Count: context = args[++i]; break;
                case "--operator-url" when i + 1 < args.Count: operatorUrl = args[++i]; break;
                case var a when !a.StartsWith("--", StringComparison.Ordinal) && target is null: target = a; break;
                default:
                    await stderr.WriteLineAsync($"explain: unexpected argument '{args[i]}'; usage: explain NAMESPACE/NAME [--kubeconfig PATH] [--context NAME] [--operator-url URL]")
                        .ConfigureAwait(false);
                    return 2;
            }
        }

        var parts = target?.Split('/') ?? [];
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            await stderr.WriteLineAsync("explain: give the ScaledObject as NAMESPACE/NAME, e.g. explain default/order-processor").ConfigureAwait(false);
            return 2;
        }

        Uri? explicitOperator = null;
        if (operatorUrl is not null && (!Uri.TryCreate(operatorUrl, UriKind.Absolute, out explicitOperator) || explicitOperator.Scheme is not ("http" or "https")))
        {
            await stderr.WriteLineAsync($"explain: --operator-url '{operatorUrl}' is not an http(s) URL").ConfigureAwait(false);
            return 2;
        }

        var (ns, name) = (parts[0], parts[1]);
        try
        {
            var config = kubeconfig is not null
                ? KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig, context)
                : KubernetesClientConfiguration.IsInCluster() ? KubernetesClientConfiguration.InClusterConfig()
                : KubernetesClientConfiguration.BuildConfigFromConfigFile(currentContext: context);
            using var client = new k8s.Kubernetes(config);
            var raw = await client.CustomObjects.GetNamespacedCustomObjectAsync("keda.sh", "v1alpha1", ns, ScaledObject.KubePlural, name, cancellationToken)
                .ConfigureAwait(false);
            var scaledObject = KedaJson.Deserialize<ScaledObject>((JsonElement)raw)!;
            await ExplainText.WriteStatusAsync(stdout, scaledObject).ConfigureAwait(false);
            await WriteDecisionsAsync(client, explicitOperator, ns, name, stdout, cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            await stderr.WriteLineAsync($"explain: scaledobject {ns}/{name} not found").ConfigureAwait(false);
            return 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or k8s.Exceptions.KubeConfigException or HttpOperationException)
        {
            await stderr.WriteLineAsync($"explain: cannot read the cluster: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task WriteDecisionsAsync(IKubernetes client, Uri? explicitOperator, string ns, string name, TextWriter stdout, CancellationToken cancellationToken)
    {
        OperatorLocator.Location? location;
        if (explicitOperator is not null)
        {
            location = new OperatorLocator.Location(explicitOperator, null);
        }
        else
        {
            (location, var reason) = await OperatorLocator.FindAsync(client, cancellationToken).ConfigureAwait(false);
            if (location is null)
            {
                await stdout.WriteLineAsync($"Recent decisions: unavailable ({reason}); pass --operator-url http://HOST:METRICS_PORT").ConfigureAwait(false);
                return;
            }
        }

        try
        {
            using var http = OperatorLocator.Client(location);
            var list = await http.GetFromJsonAsync<DecisionList>(
                $"{DecisionLogDefaults.Route}/{Uri.EscapeDataString(ns)}/{Uri.EscapeDataString(name)}", DecisionEndpoints.Json, cancellationToken).ConfigureAwait(false);
            await ExplainText.WriteDecisionsAsync(stdout, list?.Decisions ?? []).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            await stdout.WriteLineAsync($"Recent decisions: the operator at {location.BaseUri} did not answer ({ex.Message})").ConfigureAwait(false);
        }
    }
}
