using System.Globalization;
using EmbeddedKubernetes.Controllers.Pods;
using k8s.Models;

namespace EmbeddedKubernetes.Controllers.Metrics;

/// <summary>
/// metrics.k8s.io from the pod runtime: each running pod's CPU (millicores) and memory (bytes), reported on its
/// first container, with the pod's labels so label selectors work; the node sums all pods.
/// </summary>
public sealed class RuntimeMetricsProvider(IPodRuntime runtime, Func<string, string, V1Pod?> podLookup, TimeProvider time) : IResourceMetricsProvider
{
    public const string NodeName = "embedded-node";

    public IReadOnlyList<PodMetrics> GetPodMetrics(string? ns)
    {
        var result = new List<PodMetrics>();
        foreach (var (podNs, name) in runtime.Pods)
        {
            if ((ns is not null && podNs != ns) || runtime.GetUsage(podNs, name) is not { } usage)
            {
                continue;
            }

            var pod = podLookup(podNs, name);
            result.Add(new PodMetrics
            {
                Metadata = new ResourceMetricsMeta
                {
                    Name = name,
                    Namespace = podNs,
                    Labels = pod?.Metadata.Labels,
                    CreationTimestamp = Format(time.GetUtcNow()),
                },
                Timestamp = Format(usage.Timestamp),
                Window = $"{Math.Max(1, (int)usage.Window.TotalSeconds)}s",
                Containers =
                [
                    new ContainerMetrics
                    {
                        Name = pod?.Spec.Containers.FirstOrDefault()?.Name ?? "main",
                        Usage = new Dictionary<string, string>
                        {
                            ["cpu"] = $"{usage.CpuMilli.ToString(CultureInfo.InvariantCulture)}m",
                            ["memory"] = $"{(usage.MemoryBytes / 1024).ToString(CultureInfo.InvariantCulture)}Ki",
                        },
                    },
                ],
            });
        }

        return result;
    }

    public IReadOnlyList<NodeMetrics> GetNodeMetrics()
    {
        long cpu = 0, memory = 0;
        foreach (var (ns, name) in runtime.Pods)
        {
            if (runtime.GetUsage(ns, name) is { } usage)
            {
                cpu += usage.CpuMilli;
                memory += usage.MemoryBytes;
            }
        }

        var now = Format(time.GetUtcNow());
        return
        [
            new NodeMetrics
            {
                Metadata = new ResourceMetricsMeta { Name = NodeName, CreationTimestamp = now },
                Timestamp = now,
                Usage = new Dictionary<string, string>
                {
                    ["cpu"] = $"{cpu.ToString(CultureInfo.InvariantCulture)}m",
                    ["memory"] = $"{(memory / 1024).ToString(CultureInfo.InvariantCulture)}Ki",
                },
            },
        ];
    }

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
