using Kubernetes.Controller.Selectors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EmbeddedKubernetes.Controllers.Metrics;

/// <summary>
/// Maps metrics.k8s.io/v1beta1 onto an ASP.NET Core app (the API server calls this once):
/// /apis/metrics.k8s.io/v1beta1, .../pods, .../namespaces/{ns}/pods[/{name}], .../nodes[/{name}], with labelSelector.
/// The provider is resolved per request, so a controller manager started later still serves it; until then 503.
/// </summary>
public static class MetricsApiEndpoints
{
    public const string Group = "metrics.k8s.io";
    public const string Version = "v1beta1";
    private const string Root = "/apis/metrics.k8s.io/v1beta1";
    private static readonly string[] ReadVerbs = ["get", "list"];

    public static IEndpointRouteBuilder MapResourceMetrics(this IEndpointRouteBuilder endpoints, Func<IResourceMetricsProvider?> provider)
    {
        endpoints.MapGet(Root, () => Results.Json(new
        {
            kind = "APIResourceList",
            apiVersion = "v1",
            groupVersion = $"{Group}/{Version}",
            resources = new object[]
            {
                new { name = "nodes", singularName = "", namespaced = false, kind = "NodeMetrics", verbs = ReadVerbs },
                new { name = "pods", singularName = "", namespaced = true, kind = "PodMetrics", verbs = ReadVerbs },
            },
        }));
        endpoints.MapGet(Root + "/pods", (HttpContext context) => Pods(provider(), null, null, context));
        endpoints.MapGet(Root + "/namespaces/{ns}/pods", (string ns, HttpContext context) => Pods(provider(), ns, null, context));
        endpoints.MapGet(Root + "/namespaces/{ns}/pods/{name}", (string ns, string name, HttpContext context) => Pods(provider(), ns, name, context));
        endpoints.MapGet(Root + "/nodes", (HttpContext context) => Nodes(provider(), null));
        endpoints.MapGet(Root + "/nodes/{name}", (string name) => Nodes(provider(), name));
        return endpoints;
    }

    private static IResult Pods(IResourceMetricsProvider? provider, string? ns, string? name, HttpContext context)
    {
        if (provider is null)
        {
            return Unavailable();
        }

        var selector = LabelSelector.TryParse(context.Request.Query["labelSelector"], out var error);
        if (selector is null)
        {
            return Status(400, "BadRequest", error!);
        }

        var items = provider.GetPodMetrics(ns)
            .Where(p => (name is null || p.Metadata.Name == name) && selector.MatchesLabels(p.Metadata.Labels)).ToList();
        if (name is not null)
        {
            return items.Count == 0 ? Status(404, "NotFound", $"podmetrics.metrics.k8s.io \"{name}\" not found") : Results.Json(items[0]);
        }

        return Results.Json(new MetricsList<PodMetrics> { Kind = "PodMetricsList", Items = items });
    }

    private static IResult Nodes(IResourceMetricsProvider? provider, string? name)
    {
        if (provider is null)
        {
            return Unavailable();
        }

        var items = provider.GetNodeMetrics().Where(n => name is null || n.Metadata.Name == name).ToList();
        if (name is not null)
        {
            return items.Count == 0 ? Status(404, "NotFound", $"nodemetrics.metrics.k8s.io \"{name}\" not found") : Results.Json(items[0]);
        }

        return Results.Json(new MetricsList<NodeMetrics> { Kind = "NodeMetricsList", Items = items });
    }

    private static IResult Unavailable() => Status(503, "ServiceUnavailable", "the metrics provider is not running (no controller manager started)");

    private static IResult Status(int code, string reason, string message) => Results.Json(
        new { kind = "Status", apiVersion = "v1", metadata = new { }, status = "Failure", message, reason, code }, statusCode: code);
}
