namespace Operator.Cli;

/// <summary>Entry point of the operator binary: <c>run</c>, <c>validate</c>, <c>explain</c>.</summary>
internal static class OperatorCli
{
    public const string Usage = """
        keda-dotnet-operator: a KEDA-compatible event-driven autoscaler.

        Usage:
          run [--kubeconfig PATH] [--context NAME] [--watch-namespace NS] [--scaling-mode hpa|direct]
              [--metrics-port N] [--health-port N] [--adapter-address IP] [--adapter-port N] [--leader-elect]
                                                         run the operator against a cluster (in-cluster or KUBECONFIG
                                                         without --kubeconfig); Ctrl+C stops it gracefully
          validate [--output text|json] <file|dir>...   check KEDA manifests offline, as KEDA would
                                                         (exit 0 all valid, 1 any invalid, 2 unreadable input)
          explain NAMESPACE/NAME [--kubeconfig PATH] [--context NAME] [--operator-url URL]
                                                         a ScaledObject's status and the operator's recent decisions
          help                                           show this text
        """;

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            await stdout.WriteLineAsync(Usage).ConfigureAwait(false);
            return args.Length == 0 ? 2 : 0;
        }

        if (args[0] == "run")
        {
            return await RunCommand.RunAsync(args[1..], stderr).ConfigureAwait(false);
        }

        if (args[0] == "validate")
        {
            return await ValidateCommand.RunAsync(args[1..], stdout, stderr).ConfigureAwait(false);
        }

        if (args[0] == "explain")
        {
            return await ExplainCommand.RunAsync(args[1..], stdout, stderr).ConfigureAwait(false);
        }

        await stderr.WriteLineAsync($"unknown command '{args[0]}'; accepted: run, validate, explain, help").ConfigureAwait(false);
        await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
        return 2;
    }
}
