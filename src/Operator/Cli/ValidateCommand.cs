using System.CommandLine;
using k8s.Autorest;
using k8s.Exceptions;
using Operator.Hosting;
using Operator.Manifests;
using Operator.Scalers;

namespace Operator.Cli;

/// <summary>
/// <c>validate [--output text|json] [--kubeconfig PATH] [--context NAME] [--cluster-object-namespace NS] PATHS...</c>:
/// exit 0 all valid, 1 any invalid, 2 unreadable input or bad arguments.
/// </summary>
internal sealed class ValidateCommand
{
    public const int ExitValid = 0;
    public const int ExitInvalid = 1;
    public const int ExitUnreadable = 2;

    private static readonly Dictionary<string, string> Outputs = new(StringComparer.Ordinal) { ["text"] = "text", ["json"] = "json" };

    private readonly Option<string> _output = CliOptions.OneOf("--output", "text for people, json for tools.", Outputs, "text", "-o");
    private readonly Option<string?> _kubeconfig = CliOptions.Kubeconfig(OperatorCliText.KubeconfigForValidate);
    private readonly Option<string?> _context = CliOptions.Context();
    private readonly Option<string> _clusterObjectNamespace = new("--cluster-object-namespace")
    {
        Description = "Namespace of the Secrets and ConfigMaps a ClusterTriggerAuthentication reads (KEDA's KEDA_CLUSTER_OBJECT_NAMESPACE).",
        HelpName = "NS",
        DefaultValueFactory = _ => ManifestKinds.DefaultClusterObjectNamespace,
    };

    private readonly Argument<string[]> _paths = new("PATHS")
    {
        Description = "YAML files, or directories whose *.yaml and *.yml files are read.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private ValidateCommand()
    {
        Command = new Command("validate", "Check KEDA manifests as KEDA would (exit 0 all valid, 1 any invalid, 2 unreadable input).")
        {
            _output, _kubeconfig, _context, _clusterObjectNamespace, _paths,
        };
        // Arity OneOrMore would say "Required argument missing"; this names what to give.
        Command.Validators.Add(r =>
        {
            if (r.GetValue(_paths) is not { Length: > 0 })
            {
                r.AddError("give at least one file or directory (PATHS)");
            }
        });
    }

    public Command Command { get; }

    public static Command Create()
    {
        var validate = new ValidateCommand();
        validate.Command.SetAction((parse, cancellationToken) => RunAsync(
            validate.Bind(parse), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken: cancellationToken));
        return validate.Command;
    }

    public static async Task<int> RunAsync(
        ValidateOptions options, TextWriter stdout, TextWriter stderr, Func<ScalerConfig, ScalerBuildResult?>? buildScaler = null,
        CancellationToken cancellationToken = default)
    {
        var read = ManifestReader.Read(options.Paths);
        if (read.Error is not null)
        {
            await stderr.WriteLineAsync($"error: {read.Error}").ConfigureAwait(false);
            return ExitUnreadable;
        }

        var set = read.Set!;
        var objects = await ObjectsAtHandAsync(set, options, stderr, cancellationToken).ConfigureAwait(false);
        if (objects is null)
        {
            return ExitUnreadable;
        }

        var validator = new ManifestValidator(objects, options, buildScaler);
        var reports = await validator.ValidateAllAsync(set).ConfigureAwait(false);
        if (options.Output == "json")
        {
            foreach (var note in set.Notes)
            {
                await stderr.WriteLineAsync($"note: {note}").ConfigureAwait(false);
            }

            await stdout.WriteLineAsync(ReportWriter.Json(reports)).ConfigureAwait(false);
        }
        else
        {
            await stdout.WriteAsync(ReportWriter.Text(reports, set.Notes)).ConfigureAwait(false);
        }

        return reports.All(r => r.Valid) ? ExitValid : ExitInvalid;
    }

    /// <summary>
    /// Without <c>--kubeconfig</c> the input alone, where an absent reference is "not checked"; with it the cluster's
    /// objects with the input applied over them, where an absent reference is an error as KEDA's controller reports it
    /// and kinds map through the cluster's API discovery.
    /// </summary>
    private static async Task<ManifestSet?> ObjectsAtHandAsync(ManifestSet input, ValidateOptions options, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (options.Kubeconfig is null)
        {
            input.AbsentMeansMissing = false;
            return input;
        }

        try
        {
            using var client = new k8s.Kubernetes(KubernetesConfiguration.Load(options.Kubeconfig, options.Context));
            return await ClusterManifests.ReadAsync(client, input, options.ClusterObjectNamespace, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or KubeConfigException or HttpOperationException or IOException)
        {
            await stderr.WriteLineAsync($"error: cannot read the cluster of {options.Kubeconfig}: {ex.Message}").ConfigureAwait(false);
            return null;
        }
    }

    private ValidateOptions Bind(ParseResult parse) => new()
    {
        Output = parse.GetValue(_output)!,
        Kubeconfig = parse.GetValue(_kubeconfig),
        Context = parse.GetValue(_context),
        ClusterObjectNamespace = parse.GetValue(_clusterObjectNamespace)!,
        Paths = parse.GetValue(_paths) ?? [],
    };
}
