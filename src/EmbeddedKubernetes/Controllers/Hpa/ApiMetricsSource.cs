using System.Text.Json;
using EmbeddedKubernetes.Controllers.Metrics;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Kubernetes.Controller.Autoscaling;
using PodMetrics = EmbeddedKubernetes.Controllers.Metrics.PodMetrics;

namespace EmbeddedKubernetes.Controllers.Hpa;

/// <summary>
/// The HPA's metrics through the API server, as kube-controller-manager reads them: pods by label selector,
/// metrics.k8s.io PodMetrics, and external.metrics.k8s.io values (metric names lower-cased, as client-go does).
/// </summary>
internal sealed class ApiMetricsSource(IKubernetes client) : IHpaMetricsSource
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<MetricsResult<IReadOnlyList<HpaPod>>> ListPodsAsync(string ns, string selector, CancellationToken cancellationToken)
    {
        try
        {
            var pods = await client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: selector, cancellationToken: cancellationToken).ConfigureAwait(false);
            return MetricsResult.Ok<IReadOnlyList<HpaPod>>(pods.Items.Select(ToHpaPod).ToList());
        }
        catch (HttpOperationException ex)
        {
            return MetricsResult.Fail<IReadOnlyList<HpaPod>>(Describe(ex));
        }
    }

    public async Task<MetricsResult<IReadOnlyDictionary<string, PodMetricSample>>> GetResourceMetricsAsync(
        string ns, string resource, string selector, CancellationToken cancellationToken)
    {
        try
        {
            var raw = await client.CustomObjects.ListNamespacedCustomObjectAsync(MetricsApiEndpoints.Group, MetricsApiEndpoints.Version, ns, "pods",
                labelSelector: selector, cancellationToken: cancellationToken).ConfigureAwait(false);
            var list = Deserialize<MetricsList<PodMetrics>>(raw);
            var result = new Dictionary<string, PodMetricSample>(StringComparer.Ordinal);
            foreach (var item in list?.Items ?? [])
            {
                long sum = 0;
                var missing = false;
                foreach (var container in item.Containers)
                {
                    if (container.Usage.TryGetValue(resource, out var value))
                    {
                        sum += Quantities.ToMilli(new ResourceQuantity(value));
                    }
                    else
                    {
                        missing = true;
                    }
                }

                if (!missing && item.Containers.Count > 0)
                {
                    var timestamp = DateTimeOffset.TryParse(item.Timestamp, System.Globalization.CultureInfo.InvariantCulture, out var at) ? at : default;
                    result[item.Metadata.Name] = new PodMetricSample(sum, timestamp, ParseWindow(item.Window));
                }
            }

            return result.Count == 0
                ? MetricsResult.Fail<IReadOnlyDictionary<string, PodMetricSample>>("no metrics returned from resource metrics API")
                : MetricsResult.Ok<IReadOnlyDictionary<string, PodMetricSample>>(result);
        }
        catch (HttpOperationException ex)
        {
            return MetricsResult.Fail<IReadOnlyDictionary<string, PodMetricSample>>(Describe(ex));
        }
    }

    public async Task<MetricsResult<IReadOnlyList<long>>> GetExternalMetricAsync(
        string ns, string metricName, string? metricSelector, CancellationToken cancellationToken)
    {
        try
        {
            var raw = await client.CustomObjects.ListNamespacedCustomObjectAsync("external.metrics.k8s.io", "v1beta1", ns,
                metricName.ToLowerInvariant(), labelSelector: string.IsNullOrEmpty(metricSelector) ? null : metricSelector,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            var list = Deserialize<ExternalMetricValueList>(raw);
            if (list is null || list.Items.Count == 0)
            {
                return MetricsResult.Fail<IReadOnlyList<long>>("no metrics returned from external metrics API");
            }

            return MetricsResult.Ok<IReadOnlyList<long>>(list.Items.Select(i => Quantities.ToMilli(new ResourceQuantity(i.Value))).ToList());
        }
        catch (HttpOperationException ex)
        {
            return MetricsResult.Fail<IReadOnlyList<long>>(Describe(ex));
        }
    }

    internal static HpaPod ToHpaPod(V1Pod pod)
    {
        var ready = pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready");
        var requests = pod.Spec.Containers.Select(c =>
            (IReadOnlyDictionary<string, long>)(c.Resources?.Requests ?? new Dictionary<string, ResourceQuantity>())
                .ToDictionary(r => r.Key, r => Quantities.ToMilli(r.Value), StringComparer.Ordinal)).ToList();
        return new HpaPod(
            pod.Metadata.Name,
            pod.Status?.Phase ?? PodPhases.Pending,
            ready is null ? null : ready.Status == "True",
            ready?.LastTransitionTime is { } transition ? new DateTimeOffset(DateTime.SpecifyKind(transition, DateTimeKind.Utc)) : null,
            pod.Status?.StartTime is { } start ? new DateTimeOffset(DateTime.SpecifyKind(start, DateTimeKind.Utc)) : null,
            pod.Metadata.DeletionTimestamp is not null,
            requests);
    }

    private static T? Deserialize<T>(object raw) =>
        raw is JsonElement element ? element.Deserialize<T>(Json) : JsonSerializer.Deserialize<T>(KubernetesJson.Serialize(raw), Json);

    private static TimeSpan ParseWindow(string window) =>
        window.EndsWith('s') && double.TryParse(window[..^1], System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(30);

    private static string Describe(HttpOperationException ex) =>
        $"the server responded {(int)ex.Response.StatusCode}: {ex.Response.Content}";
}
