namespace Operator.Cli;

/// <summary>Entry point of the operator binary: <c>run</c>, <c>validate</c>, <c>explain</c>.</summary>
internal static class OperatorCli
{
    public const string Usage = """
        keda-dotnet-operator: a KEDA-compatible event-driven autoscaler.

        Usage:
          validate [--output text|json] <file|dir>...   check KEDA manifests offline, as KEDA would
          help                                           show this text
        """;

    public static Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            Console.Out.WriteLine(Usage);
            return Task.FromResult(args.Length == 0 ? 2 : 0);
        }

        Console.Error.WriteLine($"unknown command '{args[0]}'; accepted: validate, help");
        Console.Error.WriteLine(Usage);
        return Task.FromResult(2);
    }
}
