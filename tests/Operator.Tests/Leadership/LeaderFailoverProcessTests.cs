using System.Diagnostics;
using System.Net;
using System.Text;
using k8s;
using k8s.Models;
using Operator.Leadership;
using Operator.Tests.Support;

namespace Operator.Tests.Leadership;

/// <summary>
/// Two operator processes (<c>run --leader-elect</c>, the built program) against one embedded control plane: one holds
/// KEDA's Lease and scales, the other waits; the leader is killed (no graceful release) and the other takes the Lease
/// once it expires and handles ScaledObjects from then on.
/// </summary>
public sealed class LeaderFailoverProcessTests(ControlPlaneFixture fixture) : IClassFixture<ControlPlaneFixture>, IAsyncLifetime
{
    // A cron window open all day: the trigger is active, so the leader scales 0→1 and creates the HPA.
    private const string AlwaysOpen = """{timezone: Etc/UTC, start: "0 0 * * *", end: "59 23 * * *", desiredReplicas: "1"}""";

    private readonly k8s.Kubernetes _client = fixture.Client;
    private readonly List<OperatorProcess> _operators = [];

    public async ValueTask InitializeAsync()
    {
        await fixture.ApplyKedaCrdsAsync();
        await _client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new() { Name = LeaderElectionDefaults.LeaseNamespace } },
            cancellationToken: TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        foreach (var process in _operators)
        {
            process.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task KilledLeader_IsReplacedByTheSecondProcess_WhichThenScales()
    {
        var ns = "failover-" + Guid.NewGuid().ToString("N")[..8];
        await _client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new() { Name = ns } }, cancellationToken: TestContext.Current.CancellationToken);
        var first = Start();
        var firstHolder = await EventuallyAsync(LeaseHolderAsync, holder => !string.IsNullOrEmpty(holder), "the first process to take the Lease", first);
        var second = Start();

        await CreateScaledTargetAsync(ns, "before");
        await EventuallyAsync(() => ReplicasAsync(ns, "before"), replicas => replicas == 1, "the leader to scale 'before' 0→1", first, second);
        await EventuallyAsync(() => HpaExistsAsync(ns, "keda-hpa-before-so"), exists => exists, "the leader to create keda-hpa-before-so", first, second);
        Assert.Equal(firstHolder, await LeaseHolderAsync());
        Assert.Contains("Successfully acquired lease", first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Successfully acquired lease", second.Output, StringComparison.Ordinal);

        first.Kill();
        var secondHolder = await EventuallyAsync(LeaseHolderAsync, holder => !string.IsNullOrEmpty(holder) && holder != firstHolder,
            "the second process to take the Lease after the first was killed", second);
        await CreateScaledTargetAsync(ns, "after");

        await EventuallyAsync(() => ReplicasAsync(ns, "after"), replicas => replicas == 1, "the new leader to scale 'after' 0→1", second);
        await EventuallyAsync(() => HpaExistsAsync(ns, "keda-hpa-after-so"), exists => exists, "the new leader to create keda-hpa-after-so", second);
        var lease = await _client.CoordinationV1.ReadNamespacedLeaseAsync(LeaderElectionDefaults.LeaseName, LeaderElectionDefaults.LeaseNamespace,
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(secondHolder, lease.Spec.HolderIdentity);
        Assert.True(lease.Spec.LeaseTransitions >= 1);
        Assert.Contains("Successfully acquired lease", second.Output, StringComparison.Ordinal);
    }

    private OperatorProcess Start()
    {
        var process = OperatorProcess.Start(fixture.Cluster.KubeconfigPath);
        _operators.Add(process);
        return process;
    }

    private async Task<string?> LeaseHolderAsync()
    {
        try
        {
            var lease = await _client.CoordinationV1.ReadNamespacedLeaseAsync(LeaderElectionDefaults.LeaseName, LeaderElectionDefaults.LeaseNamespace,
                cancellationToken: TestContext.Current.CancellationToken);
            return lease.Spec.HolderIdentity;
        }
        catch (k8s.Autorest.HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<int> ReplicasAsync(string ns, string name) =>
        (await _client.AppsV1.ReadNamespacedDeploymentScaleAsync(name, ns, cancellationToken: TestContext.Current.CancellationToken)).Spec.Replicas ?? 0;

    private async Task<bool> HpaExistsAsync(string ns, string name) =>
        (await _client.AutoscalingV2.ListNamespacedHorizontalPodAutoscalerAsync(ns, cancellationToken: TestContext.Current.CancellationToken))
            .Items.Any(hpa => hpa.Metadata.Name == name);

    private Task CreateScaledTargetAsync(string ns, string name) => fixture.ApplyAsync(ns, ControlPlaneFixture.Deployment(name, 0) + $$$"""

        ---
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: {{{name}}}-so}
        spec: {scaleTargetRef: {name: {{{name}}}}, pollingInterval: 1, triggers: [{type: cron, metadata: {{{AlwaysOpen}}}}]}
        """);

    /// <summary>Like <see cref="ControlPlaneFixture.EventuallyAsync{T}"/>, failing with the operators' output.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what, params OperatorProcess[] processes)
    {
        try
        {
            return await ControlPlaneFixture.EventuallyAsync(read, condition, what);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException(
                $"{ex.Message}\n" + string.Join("\n", processes.Select((p, i) => $"--- operator {i + 1} output ---\n{p.Output}")));
        }
    }

    /// <summary>The built operator (keda-dotnet-operator.dll) as its own process with free ports and leader election.</summary>
    private sealed class OperatorProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private OperatorProcess(Process process)
        {
            _process = process;
            _process.OutputDataReceived += (_, e) => Append(e.Data);
            _process.ErrorDataReceived += (_, e) => Append(e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public static OperatorProcess Start(string kubeconfig)
        {
            var start = OperatorProgram.StartInfo("run", "--kubeconfig", kubeconfig, "--leader-elect");
            foreach (var port in new[] { "--metrics-port", "--health-port", "--adapter-port" })
            {
                start.ArgumentList.Add(port);
                start.ArgumentList.Add(OperatorProgram.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            start.Environment["Logging__Console__FormatterName"] = "simple";
            start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
            return new OperatorProcess(Process.Start(start)!);
        }

        /// <summary>A crash: no graceful shutdown, so the Lease is not released and must expire.</summary>
        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                Kill();
            }

            _process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
