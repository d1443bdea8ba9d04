using System.Net;
using System.Text.Json;
using EmbeddedKubernetes.Controllers.Metrics;
using EmbeddedKubernetes.Controllers.Pods;
using EmbeddedKubernetes.Tests.Controllers.Pods;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace EmbeddedKubernetes.Tests.Controllers.Metrics;

public sealed class MetricsApiEndpointsTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly Dictionary<string, V1Pod> _pods = new(StringComparer.Ordinal);
    private StubPodRuntime _runtime = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;
    private bool _providerReady = true;

    public async ValueTask InitializeAsync()
    {
        _runtime = new StubPodRuntime(new StubPodOptions { CpuMilli = 200, MemoryBytes = 4 * 1024 * 1024 }, _time);
        var provider = new RuntimeMetricsProvider(_runtime, (ns, name) => _pods.GetValueOrDefault($"{ns}/{name}"), _time);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapResourceMetrics(() => _providerReady ? provider : null);
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
        await StartPodAsync("web-1", "web");
        await StartPodAsync("db-1", "db");
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        await _runtime.DisposeAsync();
    }

    [Fact]
    public async Task PodsInNamespace_FilteredByLabelSelector_ReturnsPodMetricsList()
    {
        using var doc = await GetJsonAsync("/apis/metrics.k8s.io/v1beta1/namespaces/default/pods?labelSelector=app%3Dweb");

        Assert.Equal("PodMetricsList", doc.RootElement.GetProperty("kind").GetString());
        var item = Assert.Single(doc.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal("web-1", item.GetProperty("metadata").GetProperty("name").GetString());
        Assert.Equal("200m", item.GetProperty("containers")[0].GetProperty("usage").GetProperty("cpu").GetString());
        Assert.Equal("4096Ki", item.GetProperty("containers")[0].GetProperty("usage").GetProperty("memory").GetString());
    }

    [Fact]
    public async Task SinglePod_Unknown_Returns404Status()
    {
        using var response = await _http.GetAsync(new Uri("/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/none", UriKind.Relative),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Nodes_SumsAllPods()
    {
        using var doc = await GetJsonAsync("/apis/metrics.k8s.io/v1beta1/nodes");

        var node = Assert.Single(doc.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal("400m", node.GetProperty("usage").GetProperty("cpu").GetString());
    }

    [Fact]
    public async Task Discovery_ListsPodsAndNodes()
    {
        using var doc = await GetJsonAsync("/apis/metrics.k8s.io/v1beta1");

        Assert.Equal(["nodes", "pods"], doc.RootElement.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Pods_WithoutProvider_Returns503()
    {
        _providerReady = false;

        using var response = await _http.GetAsync(new Uri("/apis/metrics.k8s.io/v1beta1/pods", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    private async Task StartPodAsync(string name, string app)
    {
        var pod = StubPodRuntimeTests.Pod(name);
        pod.Metadata.Labels = new Dictionary<string, string> { ["app"] = app };
        _pods[$"default/{name}"] = pod;
        await _runtime.StartAsync(pod, CancellationToken.None);
    }

    private async Task<JsonDocument> GetJsonAsync(string path)
    {
        var text = await _http.GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        return JsonDocument.Parse(text);
    }
}
