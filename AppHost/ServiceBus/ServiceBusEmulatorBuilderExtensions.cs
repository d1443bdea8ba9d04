using AppHost.Hosting;

namespace AppHost.ServiceBus;

/// <summary>
/// <c>AddServiceBusEmulator("servicebus").AddQueue("orders")</c>: the Service Bus emulator 2.x with its SQL Server,
/// shaped like Aspire's <c>AddAzureServiceBus(...).RunAsEmulator()</c> (which the feed does not serve).
/// </summary>
internal static class ServiceBusEmulatorBuilderExtensions
{
    public const string Registry = "mcr.microsoft.com";
    public const string Image = "azure-messaging/servicebus-emulator";
    public const string Tag = "2.0.0";
    public const string SqlServerImage = "mssql/server";

    /// <summary>SQL Server 2022 pinned to a CU (the emulator's issue #122: a cold <c>2022-latest</c> upgrade can run it out of memory).</summary>
    public const string SqlServerTag = "2022-CU14-ubuntu-22.04";

    /// <summary>
    /// The emulator (ports 5672 AMQP and its HTTP port, both published on fixed free ports so the management port the
    /// host sees is the one the emulator serves) with <c>Config.json</c> generated under <paramref name="stateDirectory"/>
    /// and bind-mounted, and a <c>{name}-mssql</c> SQL Server child it waits for; healthy when <c>/health</c> answers.
    /// </summary>
    public static IResourceBuilder<ServiceBusEmulatorResource> AddServiceBusEmulator(
        this IDistributedApplicationBuilder builder, string name, string stateDirectory)
    {
        var amqp = FreePort.Next();
        var http = FreePort.Next();
        var config = Path.Combine(stateDirectory, name, "Config.json");
        // At least 8 characters from three of four classes, as SQL Server's policy requires.
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-sql-pwd", minLower: 1, minUpper: 1, minNumeric: 1);
        var emulator = new ServiceBusEmulatorResource(name);
        var sql = builder.AddContainer($"{name}-mssql", SqlServerImage, SqlServerTag)
            .WithImageRegistry(Registry)
            .WithEndpoint(targetPort: 1433, name: "tcp")
            .WithEnvironment("ACCEPT_EULA", "Y")
            .WithEnvironment(context => context.EnvironmentVariables["MSSQL_SA_PASSWORD"] = password);
        builder.Eventing.Subscribe<BeforeStartEvent>((_, cancellationToken) =>
        {
            Directory.CreateDirectory(Path.GetDirectoryName(config)!);
            return File.WriteAllTextAsync(config, EmulatorConfig.Render(emulator.Queues), cancellationToken);
        });
        var resource = builder.AddResource(emulator)
            .WithImage(Image, Tag)
            .WithImageRegistry(Registry)
            .WithEndpoint(port: amqp, targetPort: ServiceBusEmulatorResource.AmqpPort, scheme: "tcp", name: ServiceBusEmulatorResource.AmqpEndpointName, isProxied: false)
            .WithHttpEndpoint(port: http, targetPort: http, name: ServiceBusEmulatorResource.ManagementEndpointName, isProxied: false)
            .WithEnvironment("ACCEPT_EULA", "Y")
            .WithEnvironment("SQL_SERVER", sql.Resource.Name + ":1433")
            .WithEnvironment(context => context.EnvironmentVariables["MSSQL_SA_PASSWORD"] = password)
            .WithEnvironment("EMULATOR_HTTP_PORT", emulator.ManagementEndpoint.Property(EndpointProperty.TargetPort))
            .WithBindMount(config, ServiceBusEmulatorResource.ConfigPath, isReadOnly: true)
            .WithHttpHealthCheck("/health", endpointName: ServiceBusEmulatorResource.ManagementEndpointName)
            .WaitFor(sql);
        sql.WithParentRelationship(resource);
        emulator.Address = ContainerAddress.For(resource);
        return resource;
    }

    /// <summary>Declares a queue (default properties) in the emulator's Config.json.</summary>
    public static IResourceBuilder<ServiceBusEmulatorResource> AddQueue(this IResourceBuilder<ServiceBusEmulatorResource> builder, string queueName)
    {
        builder.Resource.Queues.Add(queueName);
        return builder;
    }
}
