using k8s.Models;
using Operator.Api;
using Operator.Scaling;
using Operator.Scaling.Fallbacks;
using Operator.Scaling.Hpa;
using Operator.Scaling.Status;

namespace Operator.Tests.Scaling.Hpa;

// Reproduces kedacore/keda controllers/keda/hpa.go (+ hpa_test.go) and §4 of the KEDA facts.
public class HpaBuilderTests
{
    private static readonly GroupVersionKindResource Deployment = new() { Group = "apps", Version = "v1", Kind = "Deployment", Resource = "deployments" };

    private static ScaledObject NewScaledObject(string name = "orders") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "shop", Uid = "uid-1" },
        Spec =
        {
            ScaleTargetRef = new ScaleTarget { Name = "orders-app" },
            Triggers = [new ScaleTrigger { Type = "prometheus" }],
        },
    };

    private static V2MetricSpec External(string name, string target = "10", string type = "AverageValue") => new()
    {
        Type = "External",
        External = new V2ExternalMetricSource
        {
            Metric = new V2MetricIdentifier { Name = name },
            Target = type == "Value"
                ? new V2MetricTarget { Type = type, Value = new ResourceQuantity(target) }
                : new V2MetricTarget { Type = type, AverageValue = new ResourceQuantity(target) },
        },
    };

    private static V2MetricSpec Resource(string name) => new()
    {
        Type = "Resource",
        Resource = new V2ResourceMetricSource { Name = name, Target = new V2MetricTarget { Type = "Utilization", AverageUtilization = 50 } },
    };

    private static V2MetricSpec ContainerResource(string name) => new()
    {
        Type = "ContainerResource",
        ContainerResource = new V2ContainerResourceMetricSource
        {
            Name = name,
            Container = "app",
            Target = new V2MetricTarget { Type = "Utilization", AverageUtilization = 50 },
        },
    };

    private static HpaGenerationResult Build(ScaledObject so, params V2MetricSpec[][] specs) =>
        HpaBuilder.Build(so, specs, Deployment, "2.20.2");

    [Fact]
    public void Hpa_HasKedaNameTargetAndDefaults()
    {
        var result = Build(NewScaledObject(), [External("s0-prometheus")]);

        var hpa = result.Hpa!;
        Assert.Equal(("keda-hpa-orders", "shop"), (hpa.Metadata.Name, hpa.Metadata.NamespaceProperty));
        Assert.Equal("keda-hpa-orders", result.HpaName);
        Assert.Equal(("autoscaling/v2", "HorizontalPodAutoscaler"), (hpa.ApiVersion, hpa.Kind));
        Assert.Equal(("orders-app", "Deployment", "apps/v1"), (hpa.Spec.ScaleTargetRef.Name, hpa.Spec.ScaleTargetRef.Kind, hpa.Spec.ScaleTargetRef.ApiVersion));
        Assert.Equal((1, 100), (hpa.Spec.MinReplicas, hpa.Spec.MaxReplicas));
        Assert.Null(hpa.Spec.Behavior);
    }

    [Fact]
    public void CoreGroupTarget_ApiVersionIsJustTheVersion()
    {
        var gvkr = new GroupVersionKindResource { Group = "", Version = "v1", Kind = "ReplicationController", Resource = "replicationcontrollers" };

        var hpa = HpaBuilder.Build(NewScaledObject(), [[External("s0-prometheus")]], gvkr, "2.20.2").Hpa!;

        Assert.Equal("v1", hpa.Spec.ScaleTargetRef.ApiVersion);
    }

    [Theory]
    [InlineData(null, null, 1, 100)]
    [InlineData(0, null, 1, 100)]
    [InlineData(5, 10, 5, 10)]
    [InlineData(null, 10, 1, 10)]
    public void MinMax_MapLikeKeda(int? min, int? max, int expectedMin, int expectedMax)
    {
        var so = NewScaledObject();
        so.Spec.MinReplicaCount = min;
        so.Spec.MaxReplicaCount = max;

        var hpa = Build(so, [External("s0-prometheus")]).Hpa!;

        Assert.Equal((expectedMin, expectedMax), (hpa.Spec.MinReplicas, hpa.Spec.MaxReplicas));
    }

    [Theory]
    [InlineData("0", 1)]
    [InlineData("4", 4)]
    public void PausedReplicas_PinsMinAndMax_NeverBelowOne(string paused, int expected)
    {
        var so = NewScaledObject();
        so.Metadata.Annotations = new Dictionary<string, string> { [ScaledObjectAnnotations.PausedReplicas] = paused };

        var hpa = Build(so, [External("s0-prometheus")]).Hpa!;

        Assert.Equal((expected, expected), (hpa.Spec.MinReplicas, hpa.Spec.MaxReplicas));
    }

    [Fact]
    public void PausedReplicas_NotANumber_IsAnError()
    {
        var so = NewScaledObject();
        so.Metadata.Annotations = new Dictionary<string, string> { [ScaledObjectAnnotations.PausedReplicas] = "many" };

        Assert.Contains("paused-replicas", Build(so, [External("s0-prometheus")]).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Behavior_IsCopied_AndPausedScaleInDisablesScaleDown_WithoutTouchingTheSpec()
    {
        var so = NewScaledObject();
        so.Spec.Advanced = new AdvancedConfig
        {
            HorizontalPodAutoscalerConfig = new HorizontalPodAutoscalerConfig
            {
                Behavior = new V2HorizontalPodAutoscalerBehavior { ScaleDown = new V2HPAScalingRules { StabilizationWindowSeconds = 60 } },
            },
        };
        so.Metadata.Annotations = new Dictionary<string, string> { [ScaledObjectAnnotations.PausedScaleIn] = "true" };

        var behavior = Build(so, [External("s0-prometheus")]).Hpa!.Spec.Behavior!;

        Assert.Equal((60, "Disabled"), (behavior.ScaleDown.StabilizationWindowSeconds, behavior.ScaleDown.SelectPolicy));
        Assert.Null(behavior.ScaleUp);
        Assert.Null(so.Spec.Advanced.HorizontalPodAutoscalerConfig.Behavior.ScaleDown.SelectPolicy);
    }

    [Fact]
    public void PausedScaleOut_WithoutBehavior_CreatesScaleUpDisabled()
    {
        var so = NewScaledObject();
        so.Metadata.Annotations = new Dictionary<string, string> { [ScaledObjectAnnotations.PausedScaleOut] = "yes-please" };

        var behavior = Build(so, [External("s0-prometheus")]).Hpa!.Spec.Behavior!;

        Assert.Equal("Disabled", behavior.ScaleUp.SelectPolicy);
        Assert.Null(behavior.ScaleDown);
    }

    [Fact]
    public void Metrics_AreConcatenatedInTriggerOrder_ThenSortedByTypeString()
    {
        var result = Build(NewScaledObject(), [Resource("cpu")], [External("s1-prometheus")], [ContainerResource("memory")], [External("s3-kafka-orders")]);

        Assert.Equal(
            ["ContainerResource:memory", "External:s1-prometheus", "External:s3-kafka-orders", "Resource:cpu"],
            result.Hpa!.Spec.Metrics.Select(m => $"{m.Type}:{m.External?.Metric.Name ?? m.Resource?.Name ?? m.ContainerResource.Name}"));
        Assert.Equal(["s1-prometheus", "s3-kafka-orders"], result.ExternalMetricNames);
        Assert.Equal(["cpu"], result.ResourceMetricNames);
    }

    [Fact]
    public void ExternalMetrics_GetTheScaledObjectNameSelector()
    {
        var metric = Assert.Single(Build(NewScaledObject(), [External("s0-prometheus")]).Hpa!.Spec.Metrics);

        Assert.Equal(new Dictionary<string, string> { ["scaledobject.keda.sh/name"] = "orders" }, metric.External.Metric.Selector.MatchLabels);
    }

    [Fact]
    public void DuplicateExternalNames_AreRejectedWithKedaMessage()
    {
        var result = Build(NewScaledObject(), [External("s0-prometheus")], [External("s0-prometheus")]);

        Assert.Equal("metricName s0-prometheus defined multiple times in ScaledObject orders", result.Error);
    }

    [Fact]
    public void NoSpecs_IsAnError()
    {
        Assert.Equal("no metric specs returned from scalers for ScaledObject shop/orders", Build(NewScaledObject(), []).Error);
        Assert.Equal("no metric specs returned from scalers for ScaledObject shop/orders",
            HpaBuilder.Build(NewScaledObject(), [null], Deployment, "v").Error);
    }

    [Fact]
    public void Health_IsPrunedToCurrentExternalMetrics()
    {
        var so = NewScaledObject();
        so.Status = new ScaledObjectStatus
        {
            Health = new()
            {
                ["another metric name"] = new HealthStatus { NumberOfFailures = 87, Status = HealthStatuses.Failing },
                ["some metric name"] = new HealthStatus { NumberOfFailures = 87, Status = HealthStatuses.Failing },
            },
        };

        var result = Build(so, [External("some metric name")]);

        Assert.Equal(["some metric name"], result.Health.Keys);
    }

    private static ScaledObject WithModifiers(string target, string? metricType = null)
    {
        var so = NewScaledObject();
        so.Spec.Advanced = new AdvancedConfig { ScalingModifiers = new ScalingModifiers { Formula = "a + b", Target = target, MetricType = metricType } };
        return so;
    }

    [Fact]
    public void Modifiers_ReplaceExternalMetricsWithComposite_KeepingResourceMetrics()
    {
        var result = Build(WithModifiers("2.5"), [External("s0-metric-1")], [Resource("cpu")], [External("s2-metric-2")]);

        Assert.Equal(["Resource", "External"], result.Hpa!.Spec.Metrics.Select(m => m.Type));
        var composite = result.Hpa.Spec.Metrics[1].External;
        Assert.Equal("composite-metric", composite.Metric.Name);
        Assert.Equal("orders", composite.Metric.Selector.MatchLabels["scaledobject.keda.sh/name"]);
        Assert.Equal(("AverageValue", "2500m"), (composite.Target.Type, composite.Target.AverageValue.ToString()));
        Assert.Equal("composite-metric", result.CompositeScalerName);
        Assert.Equal(["s0-metric-1", "s2-metric-2"], result.ExternalMetricNames);
    }

    [Fact]
    public void Modifiers_ValueMetricType_UsesValueTarget()
    {
        var composite = Build(WithModifiers("4", "Value"), [External("s0-metric-1")]).Hpa!.Spec.Metrics.Single().External;

        Assert.Equal(("Value", "4"), (composite.Target.Type, composite.Target.Value.ToString()));
    }

    [Fact]
    public void Modifiers_UtilizationMetricType_IsRejected() =>
        Assert.Equal("error metric target type is Utilization, but it needs to be AverageValue or Value for external metrics",
            Build(WithModifiers("4", "Utilization"), [External("s0-metric-1")]).Error);

    [Fact]
    public void Modifiers_TargetNotPositive_KeepsTheTriggerMetrics()
    {
        var result = Build(WithModifiers("0"), [External("s0-metric-1")]);

        Assert.Equal("s0-metric-1", result.Hpa!.Spec.Metrics.Single().External.Metric.Name);
        Assert.Null(result.CompositeScalerName);
    }

    [Fact]
    public void Labels_AreKedaLabelsPlusScaledObjectLabels_MinusExcluded()
    {
        var so = NewScaledObject();
        so.Metadata.Labels = new Dictionary<string, string> { ["team"] = "a", ["secret-ish"] = "x", ["scaledobject.keda.sh/name"] = "orders" };
        so.Metadata.Annotations = new Dictionary<string, string> { [ScaledObjectAnnotations.HpaExcludedLabels] = "secret-ish,other" };

        var labels = Build(so, [External("s0-prometheus")]).Hpa!.Metadata.Labels;

        Assert.Equal(new Dictionary<string, string>
        {
            ["app.kubernetes.io/name"] = "keda-hpa-orders",
            ["app.kubernetes.io/version"] = "2.20.2",
            ["app.kubernetes.io/part-of"] = "orders",
            ["app.kubernetes.io/managed-by"] = "keda-operator",
            ["team"] = "a",
            ["scaledobject.keda.sh/name"] = "orders",
        }, labels);
    }

    [Fact]
    public void NameLabel_IsCutTo63_AndTrailingNonAlphanumericsTrimmed()
    {
        var so = NewScaledObject(new string('a', 52) + "-b--c");

        var label = Build(so, [External("s0-prometheus")]).Hpa!.Metadata.Labels["app.kubernetes.io/name"];

        // "keda-hpa-" (9) + 52 a's = 61 chars, then "-b" reaches 63; nothing to trim after 'b'.
        Assert.Equal("keda-hpa-" + new string('a', 52) + "-b", label);
        Assert.Equal("keda-hpa-" + new string('a', 53), HpaBuilder.LabelValue("keda-hpa-" + new string('a', 53) + "-x"));
    }

    [Fact]
    public void Annotations_AreCopied_AndOwnerIsTheScaledObjectAsController()
    {
        var so = NewScaledObject();
        so.Metadata.Annotations = new Dictionary<string, string> { ["note"] = "hi" };

        var hpa = Build(so, [External("s0-prometheus")]).Hpa!;

        Assert.Equal("hi", hpa.Metadata.Annotations["note"]);
        var owner = Assert.Single(hpa.Metadata.OwnerReferences);
        Assert.Equal(("keda.sh/v1alpha1", "ScaledObject", "orders", "uid-1", true, true),
            (owner.ApiVersion, owner.Kind, owner.Name, owner.Uid, owner.Controller, owner.BlockOwnerDeletion));
    }

    [Fact]
    public void CustomHpaName_IsUsed()
    {
        var so = NewScaledObject();
        so.Spec.Advanced = new AdvancedConfig { HorizontalPodAutoscalerConfig = new HorizontalPodAutoscalerConfig { Name = "mine" } };

        Assert.Equal("mine", Build(so, [External("s0-prometheus")]).Hpa!.Metadata.Name);
    }

    [Fact]
    public void StatusTypes_AreUniqueInSpecOrder()
    {
        var spec = new ScaledObjectSpec
        {
            Triggers =
            [
                new ScaleTrigger { Type = "cron" },
                new ScaleTrigger { Type = "cpu" },
                new ScaleTrigger { Type = "prometheus", AuthenticationRef = new AuthenticationRef { Name = "prom-auth" } },
                new ScaleTrigger { Type = "cron", AuthenticationRef = new AuthenticationRef { Name = "prom-auth", Kind = "ClusterTriggerAuthentication" } },
            ],
        };

        Assert.Equal("cron,cpu,prometheus", ScaledObjectTypes.TriggersTypes(spec));
        Assert.Equal("prom-auth", ScaledObjectTypes.AuthenticationsTypes(spec));
        Assert.Null(ScaledObjectTypes.AuthenticationsTypes(new ScaledObjectSpec()));
    }
}
