using System.CommandLine;
using System.CommandLine.Invocation;

namespace Operator.Cli;

/// <summary>Entry point of the operator binary: <c>run</c>, <c>validate</c>, <c>explain</c> (System.CommandLine).</summary>
internal static class OperatorCli
{
    /// <summary>Exit code of a command line that does not parse (unknown command or option, bad value, missing argument).</summary>
    public const int ExitUsage = 2;

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var root = Create();
        // `help [command]` reads as `[command] --help`.
        if (args.Count > 0 && args[0] == "help")
        {
            args = [.. args.Skip(1), "--help"];
        }

        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            var command = parse.CommandResult.Command;
            var prefix = command is RootCommand ? "" : command.Name + ": ";
            foreach (var error in parse.Errors)
            {
                await stderr.WriteLineAsync(prefix + error.Message).ConfigureAwait(false);
            }

            if (args.Count == 0)
            {
                await root.Parse(["--help"]).InvokeAsync(new InvocationConfiguration { Output = stderr }).ConfigureAwait(false);
                return ExitUsage;
            }

            var path = command is RootCommand ? "" : " " + command.Name;
            await stderr.WriteLineAsync($"See '{OperatorCliText.ExecutableName}{path} --help' for usage.").ConfigureAwait(false);
            return ExitUsage;
        }

        var invocation = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            // `run` is a Generic Host: it handles Ctrl+C/SIGTERM itself and shuts down gracefully (lease released last).
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        };
        return await parse.InvokeAsync(invocation).ConfigureAwait(false);
    }

    public static RootCommand Create()
    {
        var root = new RootCommand(OperatorCliText.Description)
        {
            RunCommand.Create(),
            ValidateCommand.Create(),
            ExplainCommand.Create(),
        };
        return root;
    }
}
