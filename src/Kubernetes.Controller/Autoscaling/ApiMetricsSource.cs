using System.Globalization;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Kubernetes.Controller.Autoscaling;

/// <summary>
/// The HPA's metrics through the API server, as kube-controller-manager reads them: pods by label selector,
/// metrics.k8s.io PodMetrics, and external.metrics.k8s.io values (metric names lower-cased, as client-go does).
/// Used by the embedded control plane's HPA controller and, for pods and resource metrics, by the operator's direct mode.
/// </summary>
public sealed class ApiMetricsSource(IKubernetes client) : IHpaMetricsSource
{
    public const string MetricsGroup = "metrics.k8s.io";
    public const string MetricsVersion = "v1beta1";

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
        string ns, string resource, string selector, string? container, CancellationToken cancellationToken)
    {
        try
        {
            var raw = await client.CustomObjects.ListNamespacedCustomObjectAsync(MetricsGroup, MetricsVersion, ns, "pods",
                labelSelector: selector, cancellationToken: cancellationToken).ConfigureAwait(false);
            var result = new Dictionary<string, PodMetricSample>(StringComparer.Ordinal);
            foreach (var item in Items(raw))
            {
                if (PodSample(item, resource, container) is { } sample)
                {
                    result[item.GetProperty("metadata").GetProperty("name").GetString() ?? ""] = sample;
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
            var values = Items(raw).Select(i => Quantities.ToMilli(new ResourceQuantity(i.GetProperty("value").GetString()))).ToList();
            return values.Count == 0
                ? MetricsResult.Fail<IReadOnlyList<long>>("no metrics returned from external metrics API")
                : MetricsResult.Ok<IReadOnlyList<long>>(values);
        }
        catch (HttpOperationException ex)
        {
            return MetricsResult.Fail<IReadOnlyList<long>>(Describe(ex));
        }
    }

    internal static HpaPod ToHpaPod(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var ready = pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready");
        var requests = pod.Spec.Containers.Select(c =>
            (IReadOnlyDictionary<string, long>)(c.Resources?.Requests ?? new Dictionary<string, ResourceQuantity>())
                .ToDictionary(r => r.Key, r => Quantities.ToMilli(r.Value), StringComparer.Ordinal)).ToList();
        var names = pod.Spec.Containers.Select(c => c.Name).ToList();
        return new HpaPod(
            pod.Metadata.Name,
            pod.Status?.Phase ?? PodPhases.Pending,
            ready is null ? null : ready.Status == "True",
            ready?.LastTransitionTime is { } transition ? new DateTimeOffset(DateTime.SpecifyKind(transition, DateTimeKind.Utc)) : null,
            pod.Status?.StartTime is { } start ? new DateTimeOffset(DateTime.SpecifyKind(start, DateTimeKind.Utc)) : null,
            pod.Metadata.DeletionTimestamp is not null,
            requests,
            names);
    }

    // A pod counts only when every container reports the resource, or the named container does (upstream getPodMetrics).
    private static PodMetricSample? PodSample(JsonElement item, string resource, string? container)
    {
        if (!item.TryGetProperty("containers", out var containers) || containers.GetArrayLength() == 0)
        {
            return null;
        }

        long sum = 0;
        var found = false;
        foreach (var entry in containers.EnumerateArray())
        {
            if (container is not null && (!entry.TryGetProperty("name", out var name) || name.GetString() != container))
            {
                continue;
            }

            if (!entry.TryGetProperty("usage", out var usage) || !usage.TryGetProperty(resource, out var value))
            {
                return null;
            }

            sum += Quantities.ToMilli(new ResourceQuantity(value.GetString()));
            found = true;
        }

        if (!found)
        {
            return null;
        }

        var timestamp = item.TryGetProperty("timestamp", out var ts)
            && DateTimeOffset.TryParse(ts.GetString(), CultureInfo.InvariantCulture, out var at) ? at : default;
        return new PodMetricSample(sum, timestamp, ParseWindow(item.TryGetProperty("window", out var w) ? w.GetString() : null));
    }

    private static List<JsonElement> Items(object raw)
    {
        var element = raw is JsonElement e ? e : JsonDocument.Parse(KubernetesJson.Serialize(raw)).RootElement;
        return element.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array ? [.. items.EnumerateArray()] : [];
    }

    private static TimeSpan ParseWindow(string? window) =>
        window is not null && window.EndsWith('s') && double.TryParse(window[..^1], CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(30);

    private static string Describe(HttpOperationException ex) =>
        $"the server responded {(int)ex.Response.StatusCode}: {ex.Response.Content}";
}
