using Operator.Tests.Cli;
using Operator.Tests.Support;

namespace Operator.Tests.Deploy;

/// <summary><c>kubectl apply -k deploy/</c> (kustomize built into the real kubectl) against the embedded control plane.</summary>
public sealed class DeployManifestTests(ControlPlaneFixture fixture) : IClassFixture<ControlPlaneFixture>
{
    [Fact]
    public async Task ApplyKustomize_CreatesTheOperatorNamespaceRbacDeploymentAndApiService()
    {
        var kubectl = fixture.Kubectl;

        var apply = await kubectl.RunAsync("apply", "-k", Path.Combine(RepositoryPaths.Root, "deploy"));

        Assert.True(apply.ExitCode == 0, apply.Stderr + apply.Stdout);
        foreach (var resource in new[]
                 {
                     "customresourcedefinition/scaledobjects.keda.sh",
                     "namespace/keda",
                     "serviceaccount/keda-operator",
                     "clusterrole.rbac.authorization.k8s.io/keda-operator",
                     "clusterrolebinding.rbac.authorization.k8s.io/keda-operator",
                     "role.rbac.authorization.k8s.io/keda-operator",
                     "rolebinding.rbac.authorization.k8s.io/keda-operator",
                     "deployment.apps/keda-operator",
                     "service/keda-operator-metrics-apiserver",
                     "apiservice.apiregistration.k8s.io/v1beta1.external.metrics.k8s.io",
                 })
        {
            var (kind, name) = (resource.Split('/')[0].Split('.')[0], resource.Split('/')[1]);
            Assert.Contains(apply.Stdout.Split('\n'), line => line.StartsWith(kind, StringComparison.Ordinal) && line.Contains('/' + name + ' ', StringComparison.Ordinal));
        }

        var probes = await kubectl.RunAsync("get", "deployment", "keda-operator", "-n", "keda", "-o",
            "jsonpath={.spec.template.spec.containers[0].livenessProbe.httpGet.path} {.spec.template.spec.containers[0].readinessProbe.httpGet.path}");
        Assert.Equal("/healthz /readyz", probes.EnsureSuccess().Stdout);
    }

    [Fact]
    public async Task ApplyKustomize_IsIdempotent()
    {
        var kubectl = fixture.Kubectl;
        (await kubectl.RunAsync("apply", "-k", Path.Combine(RepositoryPaths.Root, "deploy"))).EnsureSuccess();

        var again = await kubectl.RunAsync("apply", "-k", Path.Combine(RepositoryPaths.Root, "deploy"));

        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Contains("deployment.apps/keda-operator unchanged", again.Stdout, StringComparison.Ordinal);
    }
}
