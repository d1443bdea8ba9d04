using k8s.Models;
using Operator.Api;

namespace Operator.Tests.Validation;

/// <summary>Builders mirroring KEDA's webhook test helpers (createScaledObject, createHpa, createDeployment...).</summary>
internal static class ValidationFixtures
{
    public const string Namespace = "ns";
    public const string WorkloadName = "test-workload";

    public static ScaledObject ScaledObject(
        string name = "test-so",
        string targetName = WorkloadName,
        string? apiVersion = "apps/v1",
        string? kind = "Deployment",
        bool cpuAndMemory = false,
        Dictionary<string, string>? annotations = null,
        string? hpaName = null)
    {
        List<ScaleTrigger> triggers =
        [
            new() { Type = "cron", Metadata = new() { ["timezone"] = "UTC", ["start"] = "0 * * * *", ["end"] = "1 * * * *", ["desiredReplicas"] = "1" } },
        ];
        if (cpuAndMemory)
        {
            triggers.Add(new ScaleTrigger { Type = "cpu", MetricType = "Utilization", Metadata = new() { ["value"] = "10" } });
            triggers.Add(new ScaleTrigger { Type = "memory", MetricType = "Utilization", Metadata = new() { ["value"] = "10" } });
        }

        return new ScaledObject
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace, Annotations = annotations },
            Spec = new ScaledObjectSpec
            {
                ScaleTargetRef = new ScaleTarget { Name = targetName, ApiVersion = apiVersion, Kind = kind },
                MinReplicaCount = 0,
                MaxReplicaCount = 10,
                Advanced = new AdvancedConfig { HorizontalPodAutoscalerConfig = new HorizontalPodAutoscalerConfig { Name = hpaName } },
                Triggers = triggers,
            },
        };
    }

    public static V2HorizontalPodAutoscaler Hpa(string name, string targetName, string apiVersion, string kind, ScaledObject? owner = null) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = Namespace,
            OwnerReferences = owner is null ? null : [new V1OwnerReference { ApiVersion = owner.ApiVersion, Kind = owner.Kind, Name = owner.Metadata.Name, Uid = "uid" }],
        },
        Spec = new V2HorizontalPodAutoscalerSpec
        {
            ScaleTargetRef = new V2CrossVersionObjectReference { Kind = kind, Name = targetName, ApiVersion = apiVersion },
            MaxReplicas = 5,
        },
    };

    public static V1PodSpec PodSpec(bool cpuRequest, bool memoryRequest)
    {
        var requests = new Dictionary<string, ResourceQuantity>();
        if (cpuRequest)
        {
            requests["cpu"] = new ResourceQuantity("100m");
        }

        if (memoryRequest)
        {
            requests["memory"] = new ResourceQuantity("100Mi");
        }

        return new V1PodSpec
        {
            Containers = [new V1Container { Name = "test", Image = "test", Resources = new V1ResourceRequirements { Requests = requests } }],
        };
    }

    public static V1Deployment Deployment(V1PodSpec podSpec) => new()
    {
        Metadata = new V1ObjectMeta { Name = WorkloadName, NamespaceProperty = Namespace },
        Spec = new V1DeploymentSpec { Template = new V1PodTemplateSpec { Spec = podSpec } },
    };

    public static V1StatefulSet StatefulSet(V1PodSpec podSpec) => new()
    {
        Metadata = new V1ObjectMeta { Name = WorkloadName, NamespaceProperty = Namespace },
        Spec = new V1StatefulSetSpec { Template = new V1PodTemplateSpec { Spec = podSpec } },
    };

    public static V1LimitRange LimitRange(string type, string cpu, string memory) => new()
    {
        Metadata = new V1ObjectMeta { Name = "test-limit-range", NamespaceProperty = Namespace },
        Spec = new V1LimitRangeSpec
        {
            Limits =
            [
                new V1LimitRangeItem
                {
                    Type = type,
                    DefaultProperty = new Dictionary<string, ResourceQuantity> { ["cpu"] = new(cpu), ["memory"] = new(memory) },
                },
            ],
        },
    };
}
