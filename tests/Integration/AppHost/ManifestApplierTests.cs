using AppHost.Kubernetes;
using Aspire.Hosting.ApplicationModel;
using EmbeddedKubernetes;
using EmbeddedKubernetes.Controllers;
using EmbeddedKubernetes.Controllers.Pods;
using EmbeddedKubernetes.Tests.Support;
using Integration.Support;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace Integration.AppHost;

/// <summary>
/// deploy/sample goes to the embedded control plane through the AppHost's <see cref="ManifestApplier"/>, with the
/// real kubectl; its processor pods are a shell that prints the environment it started with, so each test reads what
/// the first pod of a Deployment saw.
/// </summary>
public sealed class ManifestApplierTests : IAsyncLifetime
{
    private const string Namespace = "keda-dotnet-sample";
    private const string ServiceBus = "Endpoint=sb://localhost:45672;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;";
    private const string Kafka = "localhost:39092";

    private EmbeddedCluster _cluster = null!;

    public async ValueTask InitializeAsync()
    {
        var pods = new ProcessPodOptions();
        pods.Images["keda-dotnet-sample/order-processor"] = new ProcessTemplate { Executable = "/bin/sh", Arguments = ["-c", "env; exec sleep 600"] };
        _cluster = await EmbeddedCluster.StartAsync(
            new EmbeddedClusterOptions { PodRuntime = PodRuntime.Process }.AddBuiltInControllers(manager => manager.PodRuntime = new ProcessPodRuntime(pods, TimeProvider.System)),
            TestContext.Current.CancellationToken);
        Kubectl.For(_cluster);
    }

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task FirstProcessorPods_StartWithTheRunningBrokerAddresses_NotTheFilesPlaceholders()
    {
        var setup = new ClusterSetup();
        setup.Values.Add(new ClusterValue("Secret", Namespace, "secrets-order-consumer", "servicebus-connectionstring", ReferenceExpression.Create($"{ServiceBus}")));
        setup.Values.Add(new ClusterValue("ConfigMap", Namespace, "order-processor-kafka", "bootstrapServers", ReferenceExpression.Create($"{Kafka}")));

        await ApplySampleAsync(await setup.ResolveAsync(new Dictionary<string, string>(), TestContext.Current.CancellationToken));

        Assert.Contains($"KEDA_SERVICEBUS_QUEUE_CONNECTIONSTRING={ServiceBus}", await FirstPodEnvironmentAsync("order-processor"));
        Assert.Contains($"ConnectionStrings__kafka={Kafka}", await FirstPodEnvironmentAsync("order-processor-kafka"));
    }

    [Fact]
    public async Task Deployments_GetThePodEnvironment_ButKeepTheirOwnValues()
    {
        var environment = new Dictionary<string, string> { ["OrderProcessor__ProcessingTime"] = "00:00:00.100", ["OTEL_SERVICE_NAME"] = "apphost" };

        await ApplySampleAsync(await new ClusterSetup().ResolveAsync(environment, TestContext.Current.CancellationToken));

        var started = await FirstPodEnvironmentAsync("order-processor");
        Assert.Contains("OrderProcessor__ProcessingTime=00:00:00.100", started);
        Assert.Contains("OTEL_SERVICE_NAME=order-processor", started);
    }

    private async Task ApplySampleAsync(ManifestValues values)
    {
        var applier = new ManifestApplier(_cluster.KubeconfigPath, NullLogger.Instance);
        await applier.ApplyAsync(
            _cluster.CreateClient, [Repository.File("deploy", "crds"), Repository.File("deploy", "sample")], values, TestContext.Current.CancellationToken);
    }

    /// <summary>The environment lines the Deployment's only pod printed when it started.</summary>
    private async Task<IReadOnlyList<string>> FirstPodEnvironmentAsync(string deployment)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _cluster.CreateClient();
        var pods = await Eventually.ThatAsync(
            () => client.CoreV1.ListNamespacedPodAsync(Namespace, labelSelector: $"app={deployment}", cancellationToken: ct),
            list => list.Items.Any(pod => pod.Status?.Phase == "Running"),
            ct);
        var pod = Assert.Single(pods.Items);
        var log = await Eventually.ThatAsync(() => ReadLogAsync(client, pod), text => text.Contains("OTEL_SERVICE_NAME=", StringComparison.Ordinal), ct);
        return log.Split('\n');
    }

    private static async Task<string> ReadLogAsync(k8s.Kubernetes client, V1Pod pod)
    {
        using var stream = await client.CoreV1.ReadNamespacedPodLogAsync(pod.Metadata.Name, Namespace, cancellationToken: TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
    }
}
