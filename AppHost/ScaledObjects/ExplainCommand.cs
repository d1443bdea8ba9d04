using System.Diagnostics;
using AppHost.Operator;

namespace AppHost.ScaledObjects;

/// <summary>The <c>explain</c> resource command: the operator's own <c>explain NAMESPACE/NAME</c>, its output shown as the result.</summary>
internal static class ExplainCommand
{
    public const string Name = "explain";

    public static async Task<ExecuteCommandResult> ExecuteAsync(ScaledObjectResource scaledObject, OperatorResource @operator, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in Arguments(scaledObject, @operator))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var output = (await stdout).TrimEnd();
        return process.ExitCode == 0
            ? CommandResults.Success($"explain {scaledObject.Namespace}/{scaledObject.Name}", output, CommandResultFormat.Text)
            : CommandResults.Failure($"explain exited {process.ExitCode}: {(await stderr).Trim()}");
    }

    private static List<string> Arguments(ScaledObjectResource scaledObject, OperatorResource @operator)
    {
        List<string> arguments = [@operator.Assembly, "explain", $"{scaledObject.Namespace}/{scaledObject.Name}", "--kubeconfig", @operator.Kubeconfig];
        if (@operator.MetricsEndpoint.IsAllocated)
        {
            arguments.AddRange(["--operator-url", @operator.MetricsEndpoint.Url]);
        }

        return arguments;
    }
}
