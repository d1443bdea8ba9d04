using LocalServiceBus.Tests.Support;

namespace LocalServiceBus.Tests.Sdk;

/// <summary>The SDK tests against the local broker.</summary>
public sealed class LocalBrokerSdkTests(LocalBrokerTarget broker) : ServiceBusSdkTests(broker), IClassFixture<LocalBrokerTarget>;
