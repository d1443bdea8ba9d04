using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Operator.Hosting;

namespace Operator.Cli;

/// <summary>
/// <c>run [--kubeconfig PATH] [--context NAME] [--watch-namespace NS] [--scaling-mode hpa|direct] [--metrics-port N]
/// [--health-port N] [--leader-elect]</c>: the operator as a Generic Host until Ctrl+C/SIGTERM (graceful shutdown).
/// </summary>
internal static class RunCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stderr)
    {
        var options = RunOptions.Parse(args, out var error);
        if (options is null)
        {
            await stderr.WriteLineAsync($"run: {error}").ConfigureAwait(false);
            await stderr.WriteLineAsync(OperatorCli.Usage).ConfigureAwait(false);
            return 2;
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddOperatorCore(options.Apply);
        using var host = builder.Build();
        await host.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
