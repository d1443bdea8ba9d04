using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Operator.Leadership;
using Operator.Tests.Support;

namespace Operator.Tests.Leadership;

/// <summary>Two operator hosts electing a leader on a coordination.k8s.io/v1 Lease of the embedded control plane.</summary>
public sealed class LeaseLeaderElectionTests(ControlPlaneFixture fixture) : IClassFixture<ControlPlaneFixture>
{
    private static readonly LeaderElectionOptions Fast = new()
    {
        Enabled = true,
        LeaseDuration = TimeSpan.FromSeconds(4),
        RenewDeadline = TimeSpan.FromSeconds(3),
        RetryPeriod = TimeSpan.FromMilliseconds(500),
    };

    [Fact]
    public async Task OneLeads_AndTheOtherTakesOver_WhenTheLeaderStopsWithoutReleasing()
    {
        var lease = "crash-" + Guid.NewGuid().ToString("N")[..6];
        using var first = await StartAsync("first", lease);
        var firstGate = Gate(first);
        await firstGate.WaitForLeadershipAsync(TestContext.Current.CancellationToken).WaitAsync(ControlPlaneFixture.Patience, TestContext.Current.CancellationToken);
        using var second = await StartAsync("second", lease);
        var secondGate = Gate(second);
        await Task.Delay(Fast.LeaseDuration, TestContext.Current.CancellationToken);
        Assert.False(secondGate.IsLeader);

        // A crash: the leader's elector stops without the graceful release.
        ((LeaseLeaderElection)firstGate).SkipReleaseForTest = true;
        await first.StopAsync(TestContext.Current.CancellationToken);

        await secondGate.WaitForLeadershipAsync(TestContext.Current.CancellationToken).WaitAsync(ControlPlaneFixture.Patience, TestContext.Current.CancellationToken);
        var holder = await fixture.Client.CoordinationV1.ReadNamespacedLeaseAsync(lease, "keda", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("second", holder.Spec.HolderIdentity);
        Assert.True(holder.Spec.LeaseTransitions >= 1);
        await second.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task GracefulStop_ReleasesTheLease()
    {
        var lease = "release-" + Guid.NewGuid().ToString("N")[..6];
        using var first = await StartAsync("first", lease);
        await Gate(first).WaitForLeadershipAsync(TestContext.Current.CancellationToken).WaitAsync(ControlPlaneFixture.Patience, TestContext.Current.CancellationToken);

        await first.StopAsync(TestContext.Current.CancellationToken);

        var released = await fixture.Client.CoordinationV1.ReadNamespacedLeaseAsync(lease, "keda", cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(string.IsNullOrEmpty(released.Spec.HolderIdentity));
        Assert.Equal(1, released.Spec.LeaseDurationSeconds);
    }

    [Fact]
    public async Task Leader_KeepsTheLease_WhenTheApiServerRestartsWithinTheRenewDeadline()
    {
        var ct = TestContext.Current.CancellationToken;
        var lease = "restart-" + Guid.NewGuid().ToString("N")[..6];
        var patient = new LeaderElectionOptions
        {
            LeaseDuration = TimeSpan.FromSeconds(40),
            RenewDeadline = TimeSpan.FromSeconds(30),
            RetryPeriod = TimeSpan.FromMilliseconds(500),
        };
        using var leader = await StartAsync("leader", lease, patient);
        await Gate(leader).WaitForLeadershipAsync(ct).WaitAsync(ControlPlaneFixture.Patience, ct);
        var lifetime = leader.Services.GetRequiredService<IHostApplicationLifetime>();

        await fixture.Cluster.StopServingAsync(ct);
        try
        {
            // Several renewals are refused a connection (client-go retries them until the deadline).
            await Task.Delay(patient.RetryPeriod * 4, ct);
        }
        finally
        {
            await fixture.Cluster.StartServingAsync(ct);
        }

        var restartedAt = TimeProvider.System.GetUtcNow().UtcDateTime;
        var renewed = await ControlPlaneFixture.EventuallyAsync(
            () => fixture.Client.CoordinationV1.ReadNamespacedLeaseAsync(lease, "keda", cancellationToken: ct),
            l => l.Spec.RenewTime > restartedAt, "a renewal after the restart");
        Assert.Equal("leader", renewed.Spec.HolderIdentity);
        Assert.True(Gate(leader).IsLeader);
        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested, "the leader stopped although the API server came back within the renew deadline");
        await leader.StopAsync(ct);
    }

    [Fact]
    public async Task Leader_LosesTheLease_AndStopsItsHost_WhenRenewalsFailPastTheRenewDeadline()
    {
        var ct = TestContext.Current.CancellationToken;
        var lease = "outage-" + Guid.NewGuid().ToString("N")[..6];
        using var leader = await StartAsync("leader", lease);
        await Gate(leader).WaitForLeadershipAsync(ct).WaitAsync(ControlPlaneFixture.Patience, ct);
        var lifetime = leader.Services.GetRequiredService<IHostApplicationLifetime>();

        await fixture.Cluster.StopServingAsync(ct);
        try
        {
            await ControlPlaneFixture.EventuallyAsync(
                () => Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested), stopping => stopping,
                "the leader's host stopping once no renewal succeeded within the renew deadline");
        }
        finally
        {
            await fixture.Cluster.StartServingAsync(ct);
        }

        Assert.True(lifetime.ApplicationStopping.IsCancellationRequested, "the host kept running after the renew deadline passed");
        Assert.False(Gate(leader).IsLeader);
        await leader.StopAsync(ct);
    }

    private static ILeadershipGate Gate(IHost host) => host.Services.GetRequiredService<ILeadershipGate>();

    private async Task<IHost> StartAsync(string identity, string lease, LeaderElectionOptions? timings = null)
    {
        timings ??= Fast;
        try
        {
            await fixture.Client.CoreV1.CreateNamespaceAsync(new k8s.Models.V1Namespace { Metadata = new() { Name = "keda" } },
                cancellationToken: TestContext.Current.CancellationToken);
        }
        catch (k8s.Autorest.HttpOperationException ex) when (ex.Response.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            // Created by the other test.
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IKubernetes>(fixture.Cluster.CreateClient());
        builder.Services.AddLeaderElection(new LeaderElectionOptions
        {
            Enabled = true,
            Identity = identity,
            LeaseName = lease,
            LeaseDuration = timings.LeaseDuration,
            RenewDeadline = timings.RenewDeadline,
            RetryPeriod = timings.RetryPeriod,
        });
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return host;
    }
}
