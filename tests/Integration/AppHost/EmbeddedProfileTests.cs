using Aspire.Hosting.ApplicationModel;
using Integration.Support;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.AppHost;

/// <summary>The embedded profile comes up healthy through Aspire: the control plane, its manifests, the files for other terminals.</summary>
[Collection(nameof(EmbeddedEnvironmentCollection))]
public sealed class EmbeddedProfileTests(EmbeddedEnvironment environment)
{
    [Fact]
    public async Task Kubernetes_ServesKedaCrds_OnceHealthy()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = environment.CreateClient();

        var crds = await client.ApiextensionsV1.ListCustomResourceDefinitionAsync(cancellationToken: ct);

        Assert.Superset(
            new HashSet<string>(["clustertriggerauthentications.keda.sh", "scaledjobs.keda.sh", "scaledobjects.keda.sh", "triggerauthentications.keda.sh"]),
            crds.Items.Select(crd => crd.Metadata.Name).ToHashSet());
        Assert.Equal(KnownResourceStates.Running, environment.Snapshot("kubernetes")?.State?.Text);
    }

    [Fact]
    public void Configuration_KeepsAspNetCoreRequestLogsOutOfTheConsole()
    {
        // AppHost/appsettings.json, as Aspire's template has it: without it every gRPC call of an open dashboard printed
        // four Information lines on the AppHost's console.
        var configuration = environment.App.Services.GetRequiredService<IConfiguration>();

        Assert.Equal("Warning", configuration["Logging:LogLevel:Microsoft.AspNetCore"]);
        Assert.Equal("Information", configuration["Logging:LogLevel:Default"]);
    }

    [Fact]
    public async Task EnvironmentFile_NamesKubeconfigDashboardAndConnectionStrings()
    {
        var values = await environment.ReadEnvironmentFileAsync(TestContext.Current.CancellationToken);

        Assert.Equal(environment.KubeconfigPath, values["KUBECONFIG"]);
        Assert.Contains("/login?t=", values["DASHBOARD_URL"], StringComparison.Ordinal);
        Assert.NotEmpty(values["DASHBOARD_API_KEY"]);
        Assert.StartsWith("http://", values["ConnectionStrings__prometheus"], StringComparison.Ordinal);
        Assert.StartsWith("localhost:", values["ConnectionStrings__kafka"], StringComparison.Ordinal);
        Assert.Contains("UseDevelopmentEmulator=true", values["ConnectionStrings__servicebus"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prometheus_BecomesHealthy_WhenDebiansBinaryIsInstalled()
    {
        var installed = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, "prometheus")));
        Assert.SkipUnless(installed, "prometheus is not installed: apt-get install prometheus (test.sh does this as root)");
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        patience.CancelAfter(TimeSpan.FromMinutes(2));

        var health = await environment.App.ResourceNotifications.WaitForResourceHealthyAsync("prometheus", patience.Token);

        Assert.Equal(KnownResourceStates.Running, health.Snapshot.State?.Text);
    }

    [Fact]
    public async Task Brokers_AreHealthy_BeforeTheClusterStarts()
    {
        var ct = TestContext.Current.CancellationToken;

        var kafka = await environment.App.ResourceNotifications.WaitForResourceHealthyAsync("kafka", ct);
        var serviceBus = await environment.App.ResourceNotifications.WaitForResourceHealthyAsync("servicebus", ct);

        Assert.Equal(KnownResourceStates.Running, kafka.Snapshot.State?.Text);
        Assert.Equal(KnownResourceStates.Running, serviceBus.Snapshot.State?.Text);
    }

    [Fact]
    public async Task Operator_BecomesReady_AndRegistersTheExternalMetricsApi()
    {
        var ct = TestContext.Current.CancellationToken;

        var health = await environment.App.ResourceNotifications.WaitForResourceHealthyAsync("operator", ct);
        using var client = environment.CreateClient();
        var apiService = await client.ApiregistrationV1.ReadAPIServiceAsync("v1beta1.external.metrics.k8s.io", cancellationToken: ct);

        Assert.Equal(KnownResourceStates.Running, health.Snapshot.State?.Text);
        Assert.Equal("keda-operator-metrics-apiserver", apiService.Spec.Service.Name);
        Assert.NotEmpty(apiService.Spec.CaBundle);
    }

    [Fact]
    public async Task OperatorRbac_FromDeploy_IsApplied()
    {
        using var client = environment.CreateClient();

        var role = await client.RbacAuthorizationV1.ReadClusterRoleAsync("keda-operator", cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotEmpty(role.Rules);
    }

    [Fact]
    public void OrderGenerator_WaitsForItsStartButton()
    {
        var model = environment.App.Services.GetRequiredService<DistributedApplicationModel>();

        var generator = model.Resources.Single(resource => resource.Name == "order-generator");

        Assert.Single(generator.Annotations.OfType<ExplicitStartupAnnotation>());
    }

    [Fact]
    public void ProfileResource_SaysWhichProfileAndWhy()
    {
        var state = environment.Snapshot("profile")?.State?.Text;

        Assert.Equal("embedded: asked for with --profile", state);
    }

    [Fact]
    public async Task DeploymentWhoseImageHasNoLocalProgram_KeepsOnePendingPod()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = environment.CreateClient();
        var labels = new Dictionary<string, string> { ["app"] = "elsewhere" };
        await client.AppsV1.CreateNamespacedDeploymentAsync(
            new V1Deployment
            {
                Metadata = new V1ObjectMeta { Name = "elsewhere" },
                Spec = new V1DeploymentSpec
                {
                    Replicas = 1,
                    Selector = new V1LabelSelector { MatchLabels = labels },
                    Template = new V1PodTemplateSpec
                    {
                        Metadata = new V1ObjectMeta { Labels = labels },
                        Spec = new V1PodSpec { Containers = [new V1Container { Name = "app", Image = "example/not-a-local-program:1" }] },
                    },
                },
            },
            "default",
            cancellationToken: ct);

        var pods = await Eventually.ThatAsync(
            () => client.CoreV1.ListNamespacedPodAsync("default", labelSelector: "app=elsewhere", cancellationToken: ct),
            list => list.Items.Any(pod => pod.Status?.ContainerStatuses?.SingleOrDefault()?.State?.Waiting?.Reason == "ImagePullBackOff"),
            ct);

        var pod = Assert.Single(pods.Items);
        Assert.Equal("Pending", pod.Status.Phase);
    }
}
