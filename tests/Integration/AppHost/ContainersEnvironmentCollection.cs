namespace Integration.AppHost;

/// <summary>Tests that share one running containers-profile environment (where a Docker engine answers).</summary>
[CollectionDefinition(nameof(ContainersEnvironmentCollection))]
public sealed class ContainersEnvironmentCollection : ICollectionFixture<ContainersEnvironment>;
