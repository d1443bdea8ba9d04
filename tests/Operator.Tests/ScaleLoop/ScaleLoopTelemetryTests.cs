using System.Text.Json.Nodes;
using Operator.Tests.Controllers;
using Operator.Tests.Support;

namespace Operator.Tests.ScaleLoop;

/// <summary>The running operator's <c>/metrics</c> shows what its scale loops and controller observed, under KEDA's names and labels.</summary>
public sealed class ScaleLoopTelemetryTests(OperatorFixture fixture) : IClassFixture<OperatorFixture>
{
    private const string AlwaysOpen = """{"timezone":"Etc/UTC","start":"0 0 * * *","end":"59 23 * * *","desiredReplicas":"2"}""";

    [Fact]
    public async Task Scrape_ShowsScalerValueLatencyActivityErrorsPauseAndTotals_FromTheLoop()
    {
        var scenario = new ScaledObjectScenario(fixture.Client, await fixture.NamespaceAsync());
        var ns = scenario.Namespace;
        await scenario.CreateDeploymentAsync("web", 0);
        await scenario.CreateDeploymentAsync("held", 1);
        await scenario.CreateScaledObjectAsync("web", "web", CronSpec());
        await scenario.CreateScaledObjectAsync("held", "held", CronSpec(), new Dictionary<string, string> { ["autoscaling.keda.sh/paused"] = "true" });

        string[] web = [$"namespace=\"{ns}\"", "scaledObject=\"web\"", "scaler=\"cronScaler\"", "triggerIndex=\"0\"", "type=\"scaledobject\""];
        var text = await ControlPlaneFixture.EventuallyAsync(ScrapeAsync,
            t => Series(t, "keda_scaler_metrics_value", web) is not null && Series(t, "keda_scaled_object_paused", $"namespace=\"{ns}\"", "scaledObject=\"held\"") == "1"
                && Series(t, "keda_resource_totals", $"namespace=\"{ns}\"", "type=\"scaled_object\"") == "2"
                && Series(t, "keda_internal_scale_loop_latency_seconds", $"namespace=\"{ns}\"", "resource=\"web\"") is not null,
            "the loop's and the controller's series on /metrics");

        Assert.Equal("2", Series(text, "keda_scaler_metrics_value", web));
        Assert.Equal("1", Series(text, "keda_scaler_active", web));
        Assert.NotNull(Series(text, "keda_scaler_metrics_latency_seconds", web));
        Assert.Equal("0", Series(text, "keda_scaler_detail_errors_total", web));
        Assert.Equal("0", Series(text, "keda_scaled_object_errors_total", $"namespace=\"{ns}\"", "scaledObject=\"web\""));
        Assert.Equal("0", Series(text, "keda_scaled_object_paused", $"namespace=\"{ns}\"", "scaledObject=\"web\""));
        Assert.Equal("2", Series(text, "keda_resource_registered_total", $"namespace=\"{ns}\"", "type=\"scaled_object\""));
    }

    private static JsonObject CronSpec() => new()
    {
        ["pollingInterval"] = 1,
        ["triggers"] = new JsonArray(new JsonObject { ["type"] = "cron", ["metadata"] = JsonNode.Parse(AlwaysOpen) }),
    };

    // The value of the one series of name carrying all labels; null when there is none.
    private static string? Series(string text, string name, params string[] labels)
    {
        var line = text.Split('\n').SingleOrDefault(l => l.StartsWith(name + "{", StringComparison.Ordinal)
            && labels.All(label => l.Contains(label, StringComparison.Ordinal)));
        return line?[(line.LastIndexOf(' ') + 1)..];
    }

    private async Task<string> ScrapeAsync()
    {
        using var http = new HttpClient { BaseAddress = fixture.MetricsUri };
        return await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
    }
}
