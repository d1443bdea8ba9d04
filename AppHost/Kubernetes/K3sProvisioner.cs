using System.Globalization;
using System.Net;
using AppHost.Connections;
using AppHost.Hosting;
using k8s;
using k8s.Models;
using LocalKafka.Forwarding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AppHost.Kubernetes;

/// <summary>
/// Sets up the k3s container once it starts: the host kubeconfig (published port), node Ready and CoreDNS running,
/// the host's address on the container network (where the operator's adapter binds), images imported, manifests
/// applied with the running values and pod environment in them. Each stage shows in the resource's health until it is ready.
/// </summary>
internal sealed class K3sProvisioner(K3sClusterResource resource, int apiPort, IServiceProvider services)
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    private readonly ILogger _logger = services.GetRequiredService<ResourceLoggerService>().GetLogger(resource);
    private readonly TimeProvider _time = services.GetRequiredService<TimeProvider>();

    private ClusterSetup Setup => ((IKubernetesClusterResource)resource).Setup;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WriteHostKubeconfigAsync(cancellationToken);
            using var client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(resource.KubeconfigPath));
            await WaitUntilAsync("waiting for the node to be Ready and CoreDNS to run", () => NodeAndDnsReadyAsync(client, cancellationToken), cancellationToken);
            var id = await ContainerCli.ContainerIdAsync(services, resource, cancellationToken);
            Setup.HostAddress = await ContainerCli.GatewayAsync(id, cancellationToken);
            K3sLog.Serving(_logger, apiPort, resource.KubeconfigPath, Setup.HostAddress);
            foreach (var image in resource.Images)
            {
                await ImportAsync(id, image, cancellationToken);
            }

            Enter("applying manifests with the brokers' addresses and the pods' environment");
            var environment = await Setup.ResolvePodEnvironmentAsync(
                StartTelemetryRelay(Setup.HostAddress), services.GetRequiredService<IConfiguration>(), cancellationToken);
            var values = await Setup.ResolveAsync(environment, cancellationToken);
            await new ManifestApplier(resource.KubeconfigPath, _logger).ApplyAsync(
                () => new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(resource.KubeconfigPath)), Setup.Manifests, values, cancellationToken);
            Enter("ready");
            Setup.IsReady = true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The AppHost is stopping.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            K3sLog.SetupFailed(_logger, resource.Stage, ex);
            resource.Stage = $"failed while {resource.Stage}: {ex.Message}";
        }
    }

    /// <summary>
    /// The dashboard listens on the host's loopback, which pods cannot reach: a relay on the host's address on the
    /// container network forwards their OTLP to it. Returns the relay's endpoint for the pods (null without a dashboard).
    /// </summary>
    private string? StartTelemetryRelay(string hostAddress)
    {
        var otlp = DashboardAddresses.OtlpGrpc(services.GetRequiredService<DistributedApplicationModel>(), services.GetRequiredService<IConfiguration>());
        if (!Uri.TryCreate(otlp, UriKind.Absolute, out var dashboard))
        {
            return null;
        }

        var relay = TcpForwarder.Start(new IPEndPoint(IPAddress.Parse(hostAddress), 0), new IPEndPoint(IPAddress.Loopback, dashboard.Port));
        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        stopping.Register(() => _ = relay.DisposeAsync().AsTask());
        return $"{dashboard.Scheme}://{hostAddress}:{relay.Port.ToString(CultureInfo.InvariantCulture)}";
    }

    private async Task WriteHostKubeconfigAsync(CancellationToken cancellationToken)
    {
        var written = Path.Combine(resource.OutputDirectory, K3sClusterResource.KubeconfigFileName);
        await WaitUntilAsync("waiting for k3s to write its kubeconfig", () => Task.FromResult(File.Exists(written)), cancellationToken);
        var kubeconfig = K3sKubeconfig.ForHost(await File.ReadAllTextAsync(written, cancellationToken), apiPort);
        Directory.CreateDirectory(Path.GetDirectoryName(resource.KubeconfigPath)!);
        await File.WriteAllTextAsync(resource.KubeconfigPath, kubeconfig, cancellationToken);
    }

    private static async Task<bool> NodeAndDnsReadyAsync(k8s.Kubernetes client, CancellationToken cancellationToken)
    {
        try
        {
            var nodes = await client.CoreV1.ListNodeAsync(cancellationToken: cancellationToken);
            var dns = await client.CoreV1.ListNamespacedPodAsync("kube-system", labelSelector: "k8s-app=kube-dns", cancellationToken: cancellationToken);
            return nodes.Items.Count > 0
                && nodes.Items.All(node => IsTrue(node.Status?.Conditions, "Ready"))
                && dns.Items.Any(pod => pod.Status?.Phase == "Running" && IsTrue(pod.Status.Conditions, "Ready"));
        }
        catch (HttpRequestException)
        {
            // The API server is still starting.
            return false;
        }
    }

    private static bool IsTrue(IEnumerable<V1NodeCondition>? conditions, string type) =>
        conditions?.Any(c => c.Type == type && c.Status == "True") == true;

    private static bool IsTrue(IEnumerable<V1PodCondition>? conditions, string type) =>
        conditions?.Any(c => c.Type == type && c.Status == "True") == true;

    private async Task ImportAsync(string containerId, ContainerImageImport image, CancellationToken cancellationToken)
    {
        Enter($"building image {image.Image} (dotnet publish -t:PublishContainer)");
        (await CommandLine.RunAsync("dotnet", ["publish", image.Project, "-t:PublishContainer", "--nologo"], cancellationToken)).OutputOrThrow();
        Enter($"importing image {image.Image} into k3s");
        await ContainerCli.SaveAsync(image.Image, Path.Combine(resource.OutputDirectory, image.TarballName), cancellationToken);
        await ContainerCli.ExecAsync(
            containerId, ["k3s", "ctr", "--namespace", "k8s.io", "images", "import", $"{K3sClusterResource.OutputMountPath}/{image.TarballName}"], cancellationToken);
        K3sLog.ImageImported(_logger, image.Image);
    }

    private async Task WaitUntilAsync(string stage, Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        Enter(stage);
        while (!await condition())
        {
            await Task.Delay(Poll, _time, cancellationToken);
        }
    }

    private void Enter(string stage)
    {
        resource.Stage = stage;
        K3sLog.Stage(_logger, stage);
    }
}
