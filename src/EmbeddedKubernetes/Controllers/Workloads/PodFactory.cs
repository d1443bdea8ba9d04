using k8s.Models;

namespace EmbeddedKubernetes.Controllers.Workloads;

/// <summary>Builds pods from workload templates, owned by the workload (controller owner reference).</summary>
internal static class PodFactory
{
    public static V1Pod FromTemplate(V1PodTemplateSpec template, V1OwnerReference owner, string ns, string name,
        IDictionary<string, string>? extraLabels = null)
    {
        var copy = KubeObjects.Clone(template);
        var labels = new Dictionary<string, string>(copy.Metadata?.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (key, value) in extraLabels ?? new Dictionary<string, string>())
        {
            labels[key] = value;
        }

        var spec = copy.Spec ?? new V1PodSpec { Containers = [] };
        spec.RestartPolicy ??= "Always";
        return new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = ns,
                Labels = labels,
                Annotations = copy.Metadata?.Annotations,
                OwnerReferences = [owner],
            },
            Spec = spec,
        };
    }
}
