namespace AppHost.Sample;

/// <summary><c>AddOrderGenerator("order-generator")</c>: the sample's generator, started from the dashboard's ▶ button.</summary>
public static class OrderGeneratorBuilderExtensions
{
    /// <summary>
    /// Runs <c>dotnet <paramref name="assembly"/> --count <paramref name="count"/></c> (and <c>--transport</c> when given:
    /// without it the generator takes Service Bus first) with both brokers' connection strings and OTLP, so each
    /// order's trace starts in the dashboard. Explicit start: nothing is queued until asked.
    /// </summary>
    public static IResourceBuilder<ExecutableResource> AddOrderGenerator(
        this IDistributedApplicationBuilder builder,
        string name,
        string assembly,
        int count,
        string? transport,
        IResourceBuilder<IResourceWithConnectionString> kafka,
        IResourceBuilder<IResourceWithConnectionString> serviceBus)
    {
        var generator = builder.AddExecutable(name, "dotnet", Path.GetDirectoryName(assembly)!)
            .WithArgs(context =>
            {
                context.Args.Add(assembly);
                context.Args.Add("--count");
                context.Args.Add(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (!string.IsNullOrEmpty(transport))
                {
                    context.Args.Add("--transport");
                    context.Args.Add(transport);
                }
            })
            .WithReference(kafka)
            .WithReference(serviceBus)
            .WithOtlpExporter()
            .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", "1000")
            .WaitFor(kafka)
            .WaitFor(serviceBus)
            .WithExplicitStart();
        return generator;
    }
}
