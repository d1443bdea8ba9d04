using Operator.Tests.Controllers;
using Operator.Tests.Support;

namespace Operator.Tests.Scalers;

/// <summary>
/// Scale from zero and back on the embedded control plane with the operator's host running, for any push trigger: the
/// first message wakes the scale loop through the push watch (0→1), the control plane's HPA scales 1→4 on 20 messages
/// served by the operator's adapter, and once they are processed the Deployment goes back to zero after the cooldown.
/// </summary>
internal static class ScaleFromZeroFlow
{
    // Far below the 300 s polling interval: an activation within it can only come from the push watch.
    private static readonly TimeSpan ActivationPatience = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(ScalingOperatorFixture fixture, ScaleFromZeroTransport transport)
    {
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateDeploymentAsync(ns, "processor", 0);
        if (transport.Objects.Length > 0)
        {
            await fixture.ApplyAsync(ns, transport.Objects);
        }

        await fixture.ApplyAsync(ns, ControlPlaneFixture.ScaledObject("processor", transport.Trigger, """
            pollingInterval: 300
            cooldownPeriod: 1
            maxReplicaCount: 10
            """));
        await fixture.FirstPollAsync(ns, "processor");
        var idle = await fixture.ReplicasAsync(ns, "processor");

        await transport.SendFirstAsync();
        var woken = await fixture.EventuallyReplicasAsync(ns, "processor", r => r >= 1, "0→1 on the first message", ActivationPatience);

        await transport.SendNineteenMoreAsync();
        // 20 over 5 per replica (AverageValue): the HPA asks for 4.
        var scaledOut = await fixture.EventuallyReplicasAsync(ns, "processor", r => r == 4, $"the HPA scaling 1→4 on {transport.Load}");

        await transport.DrainAsync();
        // Scale-in to zero is decided on a poll (KEDA has no push for it): shorten the interval now that activation is shown.
        await fixture.PatchScaledObjectSpecAsync(ns, "processor", """{"pollingInterval": 1}""");
        var drained = await fixture.EventuallyReplicasAsync(ns, "processor", r => r == 0, $"back to 0 after {transport.Drain} and the cooldown");

        Assert.Equal(0, idle);
        Assert.Equal(1, woken);
        Assert.Equal(4, scaledOut);
        Assert.Equal(0, drained);
    }
}
