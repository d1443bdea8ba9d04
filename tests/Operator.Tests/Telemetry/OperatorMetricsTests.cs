using Microsoft.Extensions.DependencyInjection;
using Operator.Telemetry;
using Operator.Tests.Hosting;

namespace Operator.Tests.Telemetry;

/// <summary>The Prometheus scrape endpoint publishes KEDA's metric names with KEDA's labels.</summary>
public sealed class OperatorMetricsTests
{
    [Fact]
    public async Task Scrape_ShowsScalerSeries_WithKedasNamesAndLabels()
    {
        await using var host = await OperatorEndpointsHost.StartAsync();
        var metrics = host.Services.GetRequiredService<OperatorMetrics>();
        metrics.RecordScalerMetric("apps", "web", "prometheusScaler", 0, "s0-prometheus", 35);
        metrics.RecordScalerLatency("apps", "web", "prometheusScaler", 0, "s0-prometheus", TimeSpan.FromMilliseconds(250));
        metrics.RecordScalerActive("apps", "web", "prometheusScaler", 0, "s0-prometheus", true);
        metrics.RecordScalerError("apps", "web", "prometheusScaler", 0, "s0-prometheus", failed: true);
        metrics.RecordScaledObjectPaused("apps", "web", paused: false);

        var text = await ScrapeAsync(host);

        string[] labels = ["metric=\"s0-prometheus\"", "namespace=\"apps\"", "scaledObject=\"web\"", "scaler=\"prometheusScaler\"", "triggerIndex=\"0\"", "type=\"scaledobject\""];
        Assert.Equal("35", Series(text, "keda_scaler_metrics_value", labels));
        Assert.Equal("0.25", Series(text, "keda_scaler_metrics_latency_seconds", labels));
        Assert.Equal("1", Series(text, "keda_scaler_active", labels));
        Assert.Equal("1", Series(text, "keda_scaler_detail_errors_total", labels));
        Assert.Equal("1", Series(text, "keda_scaled_object_errors_total", "namespace=\"apps\"", "scaledObject=\"web\""));
        Assert.Equal("0", Series(text, "keda_scaled_object_paused", "namespace=\"apps\"", "scaledObject=\"web\""));
    }

    [Fact]
    public async Task Scrape_CountsTriggersAndResources_UnderCurrentAndDeprecatedNames()
    {
        await using var host = await OperatorEndpointsHost.StartAsync();
        var metrics = host.Services.GetRequiredService<OperatorMetrics>();
        metrics.IncrementTriggerTotal("prometheus");
        metrics.IncrementTriggerTotal("prometheus");
        metrics.DecrementTriggerTotal("prometheus");
        metrics.IncrementResourceTotal("scaled_object", "apps");

        var text = await ScrapeAsync(host);

        Assert.Equal("1", Series(text, "keda_trigger_registered_total", "type=\"prometheus\""));
        Assert.Equal("1", Series(text, "keda_trigger_totals", "type=\"prometheus\""));
        Assert.Equal("1", Series(text, "keda_resource_registered_total", "namespace=\"apps\"", "type=\"scaled_object\""));
        Assert.Equal("1", Series(text, "keda_resource_totals", "namespace=\"apps\"", "type=\"scaled_object\""));
        Assert.Contains("keda_build_info{", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteScaledObject_RemovesItsSeries()
    {
        await using var host = await OperatorEndpointsHost.StartAsync();
        var metrics = host.Services.GetRequiredService<OperatorMetrics>();
        metrics.RecordScalerMetric("apps", "gone", "prometheusScaler", 0, "s0-prometheus", 1);
        metrics.RecordScalerMetric("apps", "kept", "prometheusScaler", 0, "s0-prometheus", 2);

        metrics.DeleteScaledObject("apps", "gone");
        var text = await ScrapeAsync(host);

        Assert.DoesNotContain("scaledObject=\"gone\"", text, StringComparison.Ordinal);
        Assert.Contains("scaledObject=\"kept\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probes_AnswerOnTheHealthPort()
    {
        await using var host = await OperatorEndpointsHost.StartAsync();
        using var http = new HttpClient { BaseAddress = host.HealthUri };

        using var live = await http.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        using var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.True(live.IsSuccessStatusCode);
        Assert.True(ready.IsSuccessStatusCode);
    }

    /// <summary>The value of the one series of <paramref name="name"/> carrying all <paramref name="labels"/> (the exporter adds otel_scope_name).</summary>
    private static string Series(string text, string name, params string[] labels)
    {
        var line = Assert.Single(text.Split('\n'), l => l.StartsWith(name + "{", StringComparison.Ordinal)
            && labels.All(label => l.Contains(label, StringComparison.Ordinal)));
        return line[(line.LastIndexOf(' ') + 1)..];
    }

    private static async Task<string> ScrapeAsync(OperatorEndpointsHost host)
    {
        using var http = new HttpClient { BaseAddress = host.MetricsUri };
        // The exporter caches a scrape briefly; the first scrape after recording is fresh because nothing scraped before.
        var text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
        return text;
    }
}
