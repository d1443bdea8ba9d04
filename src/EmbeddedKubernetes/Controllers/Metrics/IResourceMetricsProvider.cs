namespace EmbeddedKubernetes.Controllers.Metrics;

/// <summary>
/// The seam between the pod runtime and the API server's metrics.k8s.io/v1beta1 group: the server answers
/// GET /apis/metrics.k8s.io/v1beta1/[namespaces/{ns}/]pods[/{name}] and /nodes[/{name}] from this provider
/// (see <see cref="MetricsApiEndpoints"/>, which maps those routes).
/// </summary>
public interface IResourceMetricsProvider
{
    /// <summary>PodMetrics of running pods, optionally only those in <paramref name="ns"/>.</summary>
    IReadOnlyList<PodMetrics> GetPodMetrics(string? ns);

    /// <summary>NodeMetrics of the single embedded node.</summary>
    IReadOnlyList<NodeMetrics> GetNodeMetrics();
}
