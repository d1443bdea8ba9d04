using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Operator.Decisions;
using Operator.Tests.Hosting;

namespace Operator.Tests.Decisions;

public sealed class DecisionEndpointsTests
{
    [Fact]
    public async Task GetDecisions_ServesTheRecordedDecisionsAsJson_OnTheMetricsPort()
    {
        await using var host = await OperatorEndpointsHost.StartAsync();
        host.Services.GetRequiredService<IDecisionLog>().Record("apps", "web", DecisionLogTests.Decision(1) with
        {
            Triggers = [new TriggerObservation { Index = 0, Type = "prometheus", Value = 35, ActivationThreshold = 0.5, IsActive = true }],
        });
        using var http = new HttpClient { BaseAddress = host.MetricsUri };

        var list = await http.GetFromJsonAsync<DecisionList>("/decisions/apps/web", DecisionEndpoints.Json, TestContext.Current.CancellationToken);

        var decision = Assert.Single(list!.Decisions);
        Assert.Equal(("apps", "web"), (list.Namespace, list.Name));
        Assert.Equal((DecisionRules.Activation, 1), (decision.Rule, decision.ReplicasWritten));
        Assert.Equal(35, Assert.Single(decision.Triggers).Value);
    }

    [Fact]
    public async Task GetDecisions_ForAnObjectWithoutDecisions_IsAnEmptyList()
    {
        await using var host = await OperatorEndpointsHost.StartAsync();
        using var http = new HttpClient { BaseAddress = host.MetricsUri };

        var list = await http.GetFromJsonAsync<DecisionList>("/decisions/apps/none", DecisionEndpoints.Json, TestContext.Current.CancellationToken);

        Assert.Empty(list!.Decisions);
    }
}
