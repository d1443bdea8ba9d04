using Operator.Cli;

namespace Operator.Tests.Cli;

public sealed class OperatorCliTests
{
    [Fact]
    public async Task Run_UnknownCommand_ReturnsUsageError()
    {
        var exit = await OperatorCli.RunAsync(["frobnicate"]);
        Assert.Equal(2, exit);
    }
}
