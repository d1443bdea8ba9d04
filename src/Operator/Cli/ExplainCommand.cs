using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using Operator.Api;
using Operator.Decisions;
using Operator.Hosting;

namespace Operator.Cli;

/// <summary>
/// <c>explain NAMESPACE/NAME [--kubeconfig PATH] [--context NAME] [--operator-url URL]</c>: the ScaledObject's status and
/// conditions from the cluster, then the operator's recent decisions in plain words. Exit 0 shown, 1 not found or the
/// cluster/operator unreachable, 2 bad arguments.
/// </summary>
internal sealed class ExplainCommand
{
    private readonly Argument<string> _target = new("NAMESPACE/NAME") { Description = "The ScaledObject, e.g. default/order-processor." };
    private readonly Option<string?> _kubeconfig = CliOptions.Kubeconfig(OperatorCliText.KubeconfigForCluster);
    private readonly Option<string?> _context = CliOptions.Context();
    private readonly Option<Uri?> _operatorUrl = new("--operator-url")
    {
        Description = "The operator's HTTP endpoint (default: found through its APIService v1beta1.external.metrics.k8s.io).",
        HelpName = "URL",
        CustomParser = r =>
        {
            var value = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
            if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                return uri;
            }

            r.AddError($"--operator-url: '{value}' is not an http(s) URL");
            return null;
        },
    };

    private ExplainCommand()
    {
        Command = new Command("explain", "A ScaledObject's status and the operator's recent decisions in plain words.")
        {
            _target, _kubeconfig, _context, _operatorUrl,
        };
        _target.Validators.Add(r =>
        {
            var parts = r.GetValueOrDefault<string>()?.Split('/') ?? [];
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                r.AddError("give the ScaledObject as NAMESPACE/NAME, e.g. explain default/order-processor");
            }
        });
    }

    public Command Command { get; }

    public static Command Create()
    {
        var explain = new ExplainCommand();
        explain.Command.SetAction((parse, cancellationToken) =>
        {
            var parts = parse.GetValue(explain._target)!.Split('/');
            return RunAsync(parts[0], parts[1], parse.GetValue(explain._kubeconfig), parse.GetValue(explain._context), parse.GetValue(explain._operatorUrl),
                parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken);
        });
        return explain.Command;
    }

    private static async Task<int> RunAsync(
        string ns, string name, string? kubeconfig, string? context, Uri? explicitOperator, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new k8s.Kubernetes(KubernetesConfiguration.Load(kubeconfig, context));
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
