using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Integration.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.AppHost;

/// <summary>The sample's ScaledObjects as dashboard resources: a state line from watches and decisions, and <c>explain</c>.</summary>
[Collection(nameof(EmbeddedEnvironmentCollection))]
public sealed class ScaledObjectResourceTests(EmbeddedEnvironment environment)
{
    [Theory]
    [InlineData("order-processor-scaler")]
    [InlineData("order-processor-kafka-scaler")]
    public async Task ScaledObjectResource_ReadsReplicasOfMaxAndTheOperatorsDecision(string name)
    {
        var ct = TestContext.Current.CancellationToken;
        await environment.App.ResourceNotifications.WaitForResourceHealthyAsync("operator", ct);

        var state = await environment.App.ResourceNotifications.WaitForResourceAsync(
            name, e => e.Snapshot.State?.Text is { } text && text.Contains("/10 replicas", StringComparison.Ordinal) && !text.EndsWith("no decision yet", StringComparison.Ordinal), ct);

        Assert.Matches(@"^\d+/10 replicas · (queue|lag) \d+(\.\d+)? / target 5 · (active|idle)$", state.Snapshot.State!.Text);
    }

    [Fact]
    public async Task ExplainCommand_ShowsTheOperatorsExplainOutput()
    {
        var ct = TestContext.Current.CancellationToken;
        await environment.App.ResourceNotifications.WaitForResourceHealthyAsync("operator", ct);
        var commands = environment.App.Services.GetRequiredService<ResourceCommandService>();

        var result = await commands.ExecuteCommandAsync("order-processor-scaler", "explain", ct);

        Assert.True(result.Success, result.Message);
        Assert.Contains("ScaledObject keda-dotnet-sample/order-processor-scaler", result.Data?.Value, StringComparison.Ordinal);
        Assert.Contains("Conditions:", result.Data?.Value, StringComparison.Ordinal);
    }
}
