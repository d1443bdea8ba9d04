using k8s.Models;
using Operator.Api;
using Operator.Resolution;
using Operator.Validation;
using static Operator.Tests.Validation.ValidationFixtures;

namespace Operator.Tests.Validation;

public sealed class ScaledObjectValidatorTests
{
    [Fact]
    public void Validate_NoOtherHpa_IsValid() =>
        Assert.True(ScaledObjectValidator.ValidateCreate(ScaledObject(), new InMemoryObjects()).IsValid);

    [Fact]
    public void Validate_OtherHpaForOtherWorkload_IsValid()
    {
        var context = new InMemoryObjects { HorizontalPodAutoscalers = [Hpa("other-hpa-name", "other-workload", "apps/v1", "Deployment")] };

        Assert.True(ScaledObjectValidator.ValidateCreate(ScaledObject(), context).IsValid);
    }

    [Fact]
    public void Validate_OwnHpaAlreadyGenerated_IsValid()
    {
        var so = ScaledObject();
        var context = new InMemoryObjects { HorizontalPodAutoscalers = [Hpa("test-so-hpa", WorkloadName, "apps/v1", "Deployment", so)] };

        Assert.True(ScaledObjectValidator.ValidateCreate(so, context).IsValid);
    }

    [Fact]
    public void Validate_UnmanagedHpaOnSameWorkload_IsRejected()
    {
        var context = new InMemoryObjects { HorizontalPodAutoscalers = [Hpa("test-unmanaged-hpa", WorkloadName, "apps/v1", "Deployment")] };

        var result = ScaledObjectValidator.ValidateCreate(ScaledObject(), context);

        Assert.Equal(["the workload 'test-workload' of type 'apps/v1.Deployment' is already managed by the hpa 'test-unmanaged-hpa'"], result.Errors);
    }

    [Fact]
    public void Validate_TransferOwnershipWithHpaName_IsValid()
    {
        var context = new InMemoryObjects { HorizontalPodAutoscalers = [Hpa("existing", WorkloadName, "apps/v1", "Deployment")] };
        var so = ScaledObject(annotations: new() { [ScaledObjectAnnotations.TransferHpaOwnership] = "true" }, hpaName: "existing");

        Assert.True(ScaledObjectValidator.ValidateCreate(so, context).IsValid);
    }

    [Fact]
    public void Validate_TransferOwnershipWithoutHpaName_IsRejected()
    {
        var context = new InMemoryObjects { HorizontalPodAutoscalers = [Hpa("existing", WorkloadName, "apps/v1", "Deployment")] };
        var so = ScaledObject(annotations: new() { [ScaledObjectAnnotations.TransferHpaOwnership] = "true" });

        var result = ScaledObjectValidator.ValidateCreate(so, context);

        Assert.Equal(
            ["the existing hpa 'existing' for workload 'test-workload' of type 'apps/v1.Deployment' must be specified by name in advanced settings to enable ownership transfer"],
            result.Errors);
    }

    [Fact]
    public void Validate_HpaWithOwnershipValidationDisabled_IsIgnored()
    {
        var hpa = Hpa("disabled", WorkloadName, "apps/v1", "Deployment");
        hpa.Metadata.Annotations = new Dictionary<string, string> { [ScaledObjectAnnotations.ValidationsHpaOwnership] = "false" };
        var so = ScaledObject(annotations: new() { [ScaledObjectAnnotations.TransferHpaOwnership] = "false" }, hpaName: "disabled");

        Assert.True(ScaledObjectValidator.ValidateCreate(so, new InMemoryObjects { HorizontalPodAutoscalers = [hpa] }).IsValid);
    }

    [Fact]
    public void Validate_AnotherScaledObjectOnSameWorkload_IsRejected()
    {
        var context = new InMemoryObjects { ScaledObjects = [ScaledObject(name: "test-so2")] };

        var result = ScaledObjectValidator.ValidateCreate(ScaledObject(), context);

        Assert.Contains("the workload 'test-workload' of type 'apps/v1.Deployment' is already managed by the ScaledObject 'test-so2'", result.Errors);
    }

    [Fact]
    public void Validate_AnotherScaledObjectOnSameWorkload_CreatedLater_DoesNotCount_TheLaterOneIsRejected()
    {
        var first = ScaledObject(name: "first");
        first.Metadata.CreationTimestamp = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var second = ScaledObject(name: "second");
        second.Metadata.CreationTimestamp = first.Metadata.CreationTimestamp.Value.AddSeconds(1);
        var context = new InMemoryObjects { ScaledObjects = [first, second] };

        Assert.True(ScaledObjectValidator.ValidateCreate(first, context).IsValid);
        Assert.Contains("the workload 'test-workload' of type 'apps/v1.Deployment' is already managed by the ScaledObject 'first'",
            ScaledObjectValidator.ValidateCreate(second, context).Errors);
    }

    [Fact]
    public void Validate_AnotherScaledObjectOnSameNameOtherKind_IsValid()
    {
        var context = new InMemoryObjects { ScaledObjects = [ScaledObject(name: "so-for-deployment")] };

        Assert.True(ScaledObjectValidator.ValidateCreate(ScaledObject(name: "so-for-statefulset", kind: "StatefulSet"), context).IsValid);
    }

    [Fact]
    public void Validate_AnotherScaledObjectWithSameHpaName_IsRejected()
    {
        var context = new InMemoryObjects { ScaledObjects = [ScaledObject(name: "other", targetName: "other-workload", hpaName: "shared")] };

        var result = ScaledObjectValidator.ValidateCreate(ScaledObject(hpaName: "shared"), context);

        Assert.Contains("the HPA 'shared' is already managed by the ScaledObject 'other'", result.Errors);
    }

    [Fact]
    public void Validate_UnknownCustomKind_IsRejected()
    {
        var context = new InMemoryObjects { HorizontalPodAutoscalers = [Hpa("test-custom-hpa", WorkloadName, "custom-api/v1", "custom-kind")] };

        Assert.False(ScaledObjectValidator.ValidateCreate(ScaledObject(apiVersion: "custom-api/v1", kind: "custom-kind"), context).IsValid);
    }

    [Fact]
    public void Validate_HpaOnMappedCustomKind_IsRejected()
    {
        var context = new InMemoryObjects
        {
            HorizontalPodAutoscalers = [Hpa("test-custom-hpa", WorkloadName, "custom-api/v1", "custom-kind")],
            Resources = new Dictionary<(string, string), string> { [("custom-api", "custom-kind")] = "custom-kinds" },
        };

        var result = ScaledObjectValidator.ValidateCreate(ScaledObject(apiVersion: "custom-api/v1", kind: "custom-kind"), context);

        Assert.Equal(["the workload 'test-workload' of type 'custom-api/v1.custom-kind' is already managed by the hpa 'test-custom-hpa'"], result.Errors);
    }

    [Fact]
    public void Validate_WrongReplicaCounts_IsRejected()
    {
        var so = ScaledObject();
        so.Spec.MinReplicaCount = 10;
        so.Spec.MaxReplicaCount = 5;

        Assert.Contains("MinReplicaCount=10 must be less than MaxReplicaCount=5", ScaledObjectValidator.ValidateCreate(so, new InMemoryObjects()).Errors);
    }

    [Fact]
    public void Validate_EmptyTriggers_IsRejected()
    {
        var so = ScaledObject();
        so.Spec.Triggers = [];

        Assert.Contains("no triggers defined in the ScaledObject/ScaledJob", ScaledObjectValidator.ValidateCreate(so, new InMemoryObjects()).Errors);
    }

    [Fact]
    public void Validate_ScalingModifiersFallbackWithFormula_IsValid()
    {
        var so = ScaledObject();
        so.Spec.Triggers = [new() { Type = "cron", Name = "trig_one" }, new() { Type = "kubernetes-workload", Name = "trig_two" }];
        so.Spec.Advanced!.ScalingModifiers = new ScalingModifiers { Target = "2", Formula = "trig_one ?? trig_two ?? 5" };
        so.Spec.Fallback = new Fallback { FailureThreshold = 3, Replicas = 5, Behavior = "scalingModifiers" };

        Assert.True(ScaledObjectValidator.ValidateCreate(so, new InMemoryObjects()).IsValid);
    }

    [Fact]
    public void Validate_ScalingModifiersFallbackWithoutFormula_IsRejected()
    {
        var so = ScaledObject();
        so.Spec.Fallback = new Fallback { FailureThreshold = 3, Replicas = 5, Behavior = "scalingModifiers" };

        Assert.Contains(
            "scalingModifiers fallback behavior requires scalingModifiers.formula to be defined",
            ScaledObjectValidator.ValidateCreate(so, new InMemoryObjects()).Errors);
    }

    [Fact]
    public void Validate_InvalidFormula_ReportsModifierError()
    {
        var so = ScaledObject();
        so.Spec.Advanced!.ScalingModifiers = new ScalingModifiers { Formula = "workload_trig + cron_trig" };

        var result = ScaledObjectValidator.ValidateCreate(so, new InMemoryObjects());

        Assert.Contains("error validating formula in ScalingModifiers\nformula is given but target is empty", result.Errors);
    }

    [Fact]
    public void ValidateUpdate_OnlyRemovingFinalizer_SkipsValidation()
    {
        var old = ScaledObject(cpuAndMemory: true);
        old.Metadata.Finalizers = ["finalizer"];
        var updated = ScaledObject(cpuAndMemory: true);
        updated.Metadata.Finalizers = [];

        Assert.True(ScaledObjectValidator.ValidateUpdate(updated, old, new InMemoryObjects()).IsValid);
        Assert.False(ScaledObjectValidator.ValidateCreate(updated, new InMemoryObjects()).IsValid);
    }

    [Fact]
    public void Validate_Warnings_AreReturnedWithValidResult()
    {
        var so = ScaledObject();
        so.Spec.MinReplicaCount = 1;
        so.Spec.PollingInterval = 30;

        var result = ScaledObjectValidator.ValidateCreate(so, new InMemoryObjects());

        Assert.True(result.IsValid);
        Assert.Single(result.Warnings);
    }
}
