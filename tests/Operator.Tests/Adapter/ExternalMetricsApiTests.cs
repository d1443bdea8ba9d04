using System.Net;
using System.Text.Json.Nodes;
using Operator.Adapter;
using Operator.Tests.Hosting;

namespace Operator.Tests.Adapter;

public sealed class ExternalMetricsApiTests
{
    private const string Selector = "?labelSelector=scaledobject.keda.sh%2Fname%3Dweb";

    [Fact]
    public async Task Discovery_ListsExternalMetricValueList_UnderTheGroupVersion()
    {
        await using var host = await OperatorEndpointsHost.StartAsync(new TableMetricsSource());
        using var http = host.AdapterClient();

        var body = JsonNode.Parse(await http.GetStringAsync(new Uri(ExternalMetricsApi.Root, UriKind.Relative), TestContext.Current.CancellationToken))!;

        Assert.Equal("APIResourceList", (string?)body["kind"]);
        Assert.Equal("external.metrics.k8s.io/v1beta1", (string?)body["groupVersion"]);
        Assert.Equal("ExternalMetricValueList", (string?)body["resources"]![0]!["kind"]);
    }

    [Fact]
    public async Task Get_ReturnsTheValueAsAMilliQuantity_ForTheSelectedScaledObject()
    {
        var source = new TableMetricsSource();
        source.Values[("apps", "web", "s0-prometheus")] = 1.5;
        await using var host = await OperatorEndpointsHost.StartAsync(source);
        using var http = host.AdapterClient();

        var body = JsonNode.Parse(await http.GetStringAsync(
            new Uri(ExternalMetricsApi.Root + "/namespaces/apps/s0-prometheus" + Selector, UriKind.Relative), TestContext.Current.CancellationToken))!;

        Assert.Equal("ExternalMetricValueList", (string?)body["kind"]);
        var item = body["items"]![0]!;
        Assert.Equal(("s0-prometheus", "1500m"), ((string?)item["metricName"], (string?)item["value"]));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", (string?)item["timestamp"]);
    }

    [Fact]
    public async Task Get_PassesTheMetricNameAsRequested_SoTheSourceMatchesItCaseInsensitively()
    {
        var source = new TableMetricsSource();
        source.Values[("apps", "web", "s0-Prometheus")] = 7;
        await using var host = await OperatorEndpointsHost.StartAsync(source);
        using var http = host.AdapterClient();

        var body = JsonNode.Parse(await http.GetStringAsync(
            new Uri(ExternalMetricsApi.Root + "/namespaces/apps/s0-prometheus" + Selector, UriKind.Relative), TestContext.Current.CancellationToken))!;

        Assert.Equal("7", (string?)body["items"]![0]!["value"]);
        Assert.Contains(("apps", "web", "s0-prometheus"), source.Requests);
    }

    [Fact]
    public async Task Get_WithoutTheScaledObjectLabel_AnswersKedasError()
    {
        await using var host = await OperatorEndpointsHost.StartAsync(new TableMetricsSource());
        using var http = host.AdapterClient();

        using var response = await http.GetAsync(new Uri(ExternalMetricsApi.Root + "/namespaces/apps/s0-prometheus?labelSelector=app%3Dweb", UriKind.Relative),
            TestContext.Current.CancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Status", (string?)body["kind"]);
        Assert.Equal("Internal error occurred: scaledObject name is not specified", (string?)body["message"]);
    }

    [Fact]
    public async Task Get_UnknownMetric_IsNotFoundWithTheSourcesMessage()
    {
        await using var host = await OperatorEndpointsHost.StartAsync(new TableMetricsSource());
        using var http = host.AdapterClient();

        using var response = await http.GetAsync(new Uri(ExternalMetricsApi.Root + "/namespaces/apps/s9-nothing" + Selector, UriKind.Relative),
            TestContext.Current.CancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("no matching metrics found for s9-nothing", (string?)body["message"]);
    }

    [Fact]
    public async Task Get_SourceError_IsAnInternalErrorNamingIt()
    {
        var source = new TableMetricsSource { Error = "metric:s0-prometheus encountered error" };
        await using var host = await OperatorEndpointsHost.StartAsync(source);
        using var http = host.AdapterClient();

        using var response = await http.GetAsync(new Uri(ExternalMetricsApi.Root + "/namespaces/apps/s0-prometheus" + Selector, UriKind.Relative),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("metric:s0-prometheus encountered error", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scaledobject.keda.sh/name=web", "web")]
    [InlineData("scaledobject.keda.sh/name==web", "web")]
    [InlineData("app=x,scaledobject.keda.sh/name=web", "web")]
    [InlineData("scaledobject.keda.sh/name in (web)", "web")]
    [InlineData("app=x", null)]
    [InlineData("", null)]
    public void ScaledObjectName_ReadsTheLabelFromEqualitySelectors(string selector, string? expected)
    {
        Assert.Equal(expected, ExternalMetricsApi.ScaledObjectName(selector, out var error));
        Assert.Null(error);
    }
}
