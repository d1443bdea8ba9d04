namespace Integration.AppHost;

/// <summary>Tests that share one running embedded environment (starting Aspire costs tens of seconds on 2 cores).</summary>
[CollectionDefinition(nameof(EmbeddedEnvironmentCollection))]
public sealed class EmbeddedEnvironmentCollection : ICollectionFixture<EmbeddedEnvironment>;
