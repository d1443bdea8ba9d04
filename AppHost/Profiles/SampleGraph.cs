using AppHost.Connections;
using AppHost.Kubernetes;
using AppHost.Operator;
using AppHost.Sample;
using AppHost.ScaledObjects;

namespace AppHost.Profiles;

/// <summary>
/// What both profiles put on top of their cluster and brokers: the sample's ScaledObjects as dashboard resources, the
/// order generator, and the environment files for other terminals.
/// </summary>
internal static class SampleGraph
{
    public const string Namespace = "keda-dotnet-sample";

    public static void Add(
        IDistributedApplicationBuilder builder,
        string root,
        string stateDirectory,
        IResourceBuilder<IKubernetesClusterResource> kubernetes,
        IResourceBuilder<OperatorResource> @operator,
        IResourceBuilder<IResourceWithConnectionString> prometheus,
        IResourceBuilder<IResourceWithConnectionString> kafka,
        IResourceBuilder<IResourceWithConnectionString> serviceBus)
    {
        builder.AddScaledObjects(
            kubernetes,
            @operator,
            Namespace,
            ("order-processor-scaler", "order-processor"),
            ("order-processor-kafka-scaler", "order-processor-kafka"));
        var generator = SampleSettings.Generator(builder.Configuration);
        builder.AddOrderGenerator(
            "order-generator",
            RepositoryRoot.Assembly(root, Path.Combine("src", "OrderGenerator"), "OrderGenerator"),
            generator.Count,
            generator.Transport,
            kafka,
            serviceBus);

        builder.AddEnvironmentFiles(stateDirectory, kubernetes, [prometheus.Resource, kafka.Resource, serviceBus.Resource]);
    }
}
