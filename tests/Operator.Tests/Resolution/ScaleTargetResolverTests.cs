using Operator.Resolution;

namespace Operator.Tests.Resolution;

public sealed class ScaleTargetResolverTests
{
    private static ScaleTargetResolution Resolve(string scaleTargetRef, string workloads = "")
    {
        var set = Manifests.Read(workloads + """

            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: so, namespace: ns}
            spec:
              triggers: [{type: cpu, metricType: Utilization, metadata: {value: "50"}}]
              scaleTargetRef:
            """ + " " + scaleTargetRef);
        return ScaleTargetResolver.Resolve(set, set.ScaledObjects[0].Object);
    }

    [Fact]
    public void Resolve_DeploymentInInput_GivesItsPodSpec()
    {
        var target = Resolve("{name: web, envSourceContainerName: main}", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: ns}
            spec: {selector: {matchLabels: {a: b}}, template: {spec: {containers: [{name: main, image: i}]}}}
            ---
            """);

        Assert.Null(target.Error);
        Assert.Equal("apps/v1.Deployment", target.GroupVersionKind);
        Assert.Equal("main", target.PodSpec!.Containers[0].Name);
        Assert.Equal("main", target.EnvSourceContainerName);
    }

    [Fact]
    public void Resolve_StatefulSetInInput_GivesItsPodSpec()
    {
        var target = Resolve("{name: db, kind: StatefulSet}", """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db, namespace: ns}
            spec: {serviceName: db, selector: {matchLabels: {a: b}}, template: {spec: {containers: [{name: db, image: i}]}}}
            ---
            """);

        Assert.Null(target.Error);
        Assert.NotNull(target.PodSpec);
    }

    [Fact]
    public void Resolve_DeploymentMissing_IsAnError()
    {
        var target = Resolve("{name: web}");

        Assert.Contains("deployments.apps \"web\" not found", target.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_DeploymentInOtherNamespace_IsMissing()
    {
        var target = Resolve("{name: web}", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: other}
            spec: {selector: {matchLabels: {a: b}}, template: {spec: {containers: [{name: main, image: i}]}}}
            ---
            """);

        Assert.NotNull(target.Error);
    }

    [Fact]
    public void Resolve_CustomKind_IsAWarningNotAnError()
    {
        var target = Resolve("{name: r, apiVersion: argoproj.io/v1alpha1, kind: Rollout}");

        Assert.Null(target.Error);
        Assert.Null(target.PodSpec);
        Assert.Contains("argoproj.io/v1alpha1.Rollout", target.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_EmptyName_IsKedasError()
    {
        var target = Resolve("{name: \"\"}");

        Assert.Equal("ScaledObject.spec.scaleTargetRef.name is missing", target.Error);
    }
}
