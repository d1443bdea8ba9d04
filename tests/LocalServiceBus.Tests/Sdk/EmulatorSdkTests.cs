using LocalServiceBus.Tests.Support;

namespace LocalServiceBus.Tests.Sdk;

/// <summary>The same SDK tests against the real emulator container; they skip where no Docker engine answers.</summary>
public sealed class EmulatorSdkTests(EmulatorContainerTarget emulator) : ServiceBusSdkTests(emulator), IClassFixture<EmulatorContainerTarget>
{
    public override ValueTask InitializeAsync()
    {
        if (DockerEngine.UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }

        return base.InitializeAsync();
    }
}
