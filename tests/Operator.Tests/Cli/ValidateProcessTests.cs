using System.Diagnostics;

using Operator.Tests.Support;

namespace Operator.Tests.Cli;

/// <summary>The built operator binary, run as a separate process the way a user or CI runs it.</summary>
public sealed class ValidateProcessTests
{
    [Fact]
    public async Task Validate_BuiltBinary_ValidatesTheExamplesAndExitsZero()
    {
        var (exit, stdout, _) = await RunOperatorAsync("validate", RepositoryPaths.Examples);

        Assert.Equal(0, exit);
        Assert.Contains("7 valid, 0 invalid", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BuiltBinary_UnreadableInputExitsTwo()
    {
        var (exit, _, stderr) = await RunOperatorAsync("validate", "/nonexistent.yaml");

        Assert.Equal(2, exit);
        Assert.Contains("/nonexistent.yaml: no such file or directory", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunOperatorAsync(params string[] args)
    {
        var start = OperatorProgram.StartInfo(args);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }
}
