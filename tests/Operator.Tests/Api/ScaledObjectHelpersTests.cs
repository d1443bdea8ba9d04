using Operator.Api;

namespace Operator.Tests.Api;

public sealed class ScaledObjectHelpersTests
{
    [Theory]
    [InlineData(null, 1)]
    [InlineData(0, 1)]
    [InlineData(3, 3)]
    public void GetHpaMinReplicas_NeverBelowOne(int? min, int expected) =>
        Assert.Equal(expected, new ScaledObject { Spec = { MinReplicaCount = min } }.GetHpaMinReplicas());

    [Theory]
    [InlineData(null, 100)]
    [InlineData(7, 7)]
    public void GetHpaMaxReplicas_DefaultsTo100(int? max, int expected) =>
        Assert.Equal(expected, new ScaledObject { Spec = { MaxReplicaCount = max } }.GetHpaMaxReplicas());

    [Fact]
    public void GetHpaName_Unset_UsesKedaPrefix()
    {
        var so = new ScaledObject { Metadata = { Name = "orders" } };

        Assert.Equal("keda-hpa-orders", so.GetHpaName());
    }

    [Fact]
    public void GetHpaName_EmptyCustomName_UsesKedaPrefix()
    {
        var so = new ScaledObject
        {
            Metadata = { Name = "orders" },
            Spec = { Advanced = new AdvancedConfig { HorizontalPodAutoscalerConfig = new() { Name = "" } } },
        };

        Assert.Equal("keda-hpa-orders", so.GetHpaName());
    }

    [Fact]
    public void GetHpaName_CustomName_IsUsed()
    {
        var so = new ScaledObject
        {
            Metadata = { Name = "orders" },
            Spec = { Advanced = new AdvancedConfig { HorizontalPodAutoscalerConfig = new() { Name = "mine" } } },
        };

        Assert.Equal("mine", so.GetHpaName());
    }

    [Theory]
    [InlineData(null, null, "apps/v1.Deployment")]
    [InlineData("apps/v1", "StatefulSet", "apps/v1.StatefulSet")]
    [InlineData("argoproj.io/v1alpha1", "Rollout", "argoproj.io/v1alpha1.Rollout")]
    [InlineData("v1", "ReplicationController", "/v1.ReplicationController")]
    public void GetTargetGvkString_AppliesDefaults(string? apiVersion, string? kind, string expected)
    {
        var so = new ScaledObject { Spec = { ScaleTargetRef = { Name = "x", ApiVersion = apiVersion, Kind = kind } } };

        Assert.Equal(expected, so.GetTargetGvkString());
    }

    [Fact]
    public void ParseGvkr_Defaults_AreAppsV1Deployments()
    {
        Assert.True(GroupVersionKindResourceParser.TryParse(null, null, null, out var gvkr, out _));

        Assert.Equal(("apps", "v1", "Deployment", "deployments"), (gvkr.Group, gvkr.Version, gvkr.Kind, gvkr.Resource));
    }

    [Fact]
    public void ParseGvkr_StatefulSet_ResolvesWithoutMapper()
    {
        Assert.True(GroupVersionKindResourceParser.TryParse("apps/v1", "StatefulSet", null, out var gvkr, out _));

        Assert.Equal("statefulsets", gvkr.Resource);
    }

    [Fact]
    public void ParseGvkr_UnknownKindWithoutMapping_FailsLikeRestMapper()
    {
        Assert.False(GroupVersionKindResourceParser.TryParse("argoproj.io/v1alpha1", "Rollout", (_, _, _) => null, out _, out var error));

        Assert.Equal("no matches for kind \"Rollout\" in version \"argoproj.io/v1alpha1\"", error);
    }

    [Fact]
    public void ParseGvkr_TwoSlashes_IsRejected()
    {
        Assert.False(GroupVersionKindResourceParser.TryParse("a/b/c", "X", null, out _, out var error));

        Assert.Equal("unexpected GroupVersion string: a/b/c", error);
    }

    [Fact]
    public void ScaledJob_MinAboveMax_IsCappedAtMax()
    {
        var job = new ScaledJob { Spec = { MinReplicaCount = 5, MaxReplicaCount = 3 } };

        Assert.Equal(3, job.GetMinReplicaCount());
        Assert.Equal(0, job.GetMaxReplicaCount());
    }

    [Fact]
    public void ScaledJob_UnsetBounds_UseDefaults()
    {
        var job = new ScaledJob();

        Assert.Equal(0, job.GetMinReplicaCount());
        Assert.Equal(100, job.GetMaxReplicaCount());
    }
}
