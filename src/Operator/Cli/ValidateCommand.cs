using Operator.Manifests;
using Operator.Scalers;

namespace Operator.Cli;

/// <summary><c>validate [--output text|json] &lt;file|dir&gt;...</c>: exit 0 all valid, 1 any invalid, 2 unreadable input.</summary>
internal static class ValidateCommand
{
    public const int ExitValid = 0;
    public const int ExitInvalid = 1;
    public const int ExitUnreadable = 2;

    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, Func<ScalerConfig, ScalerBuildResult?>? buildScaler = null)
    {
        var options = ParseArguments(args, out var usageError);
        if (options is null)
        {
            await stderr.WriteLineAsync($"validate: {usageError}").ConfigureAwait(false);
            await stderr.WriteLineAsync(OperatorCli.Usage).ConfigureAwait(false);
            return ExitUnreadable;
        }

        var read = ManifestReader.Read(options.Paths);
        if (read.Error is not null)
        {
            await stderr.WriteLineAsync($"error: {read.Error}").ConfigureAwait(false);
            return ExitUnreadable;
        }

        var set = read.Set!;
        var validator = new ManifestValidator(set, options, buildScaler);
        var reports = await validator.ValidateAllAsync().ConfigureAwait(false);
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

    internal static ValidateOptions? ParseArguments(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var output = "text";
        var clusterNamespace = ManifestKinds.DefaultClusterObjectNamespace;
        var paths = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? value;
            switch (arg)
            {
                case "--output" or "-o" or "--cluster-object-namespace":
                    if (i + 1 >= args.Count)
                    {
                        error = $"{arg} needs a value";
                        return null;
                    }

                    value = args[++i];
                    break;
                case not null when arg.StartsWith("--output=", StringComparison.Ordinal) ||
                                   arg.StartsWith("--cluster-object-namespace=", StringComparison.Ordinal):
                    value = arg[(arg.IndexOf('=', StringComparison.Ordinal) + 1)..];
                    arg = arg[..arg.IndexOf('=', StringComparison.Ordinal)];
                    break;
                case not null when arg.StartsWith('-') && arg.Length > 1:
                    error = $"unknown option '{arg}'; accepted: --output text|json, --cluster-object-namespace <ns>";
                    return null;
                default:
                    paths.Add(arg!);
                    continue;
            }

            if (arg == "--cluster-object-namespace")
            {
                clusterNamespace = value;
            }
            else if (value is "text" or "json")
            {
                output = value;
            }
            else
            {
                error = $"--output must be 'text' or 'json', not '{value}'";
                return null;
            }
        }

        if (paths.Count == 0)
        {
            error = "give at least one file or directory";
            return null;
        }

        return new ValidateOptions { Output = output, Paths = paths, ClusterObjectNamespace = clusterNamespace };
    }
}
