using AppHost.Kafka;
using AppHost.Kubernetes;
using AppHost.Operator;
using AppHost.Prometheus;
using AppHost.Sample;
using AppHost.ServiceBus;

namespace AppHost.Profiles;

/// <summary>
/// The containers profile: k3s, Prometheus, Kafka and the Service Bus emulator (with its SQL Server) as containers,
/// the operator as a host process whose metrics adapter k3s reaches; the same resource names as the embedded graph.
/// </summary>
internal static class ContainersGraph
{
    /// <summary>The processor image deploy/sample's Deployments run (<c>ContainerRepository</c>:<c>ContainerImageTags</c> of its csproj).</summary>
    public const string ProcessorImage = "keda-dotnet-sample/order-processor:latest";

    public static void Add(IDistributedApplicationBuilder builder, string root, string stateDirectory)
    {
        const string ns = SampleGraph.Namespace;
        var prometheus = builder.AddPrometheusContainer("prometheus", stateDirectory);
        var kafka = builder.AddKafkaContainer("kafka", "orders:8");
        var serviceBus = builder.AddServiceBusEmulator("servicebus", stateDirectory).AddQueue("orders");

        var kubernetes = builder.AddK3s("kubernetes", stateDirectory)
            .WithImportedImage(Path.Combine(root, "src", "OrderProcessor"), ProcessorImage)
            .WithManifests(Path.Combine(root, "deploy", "crds"))
            .WithManifests(EmbeddedGraph.OperatorRbac.Select(file => Path.Combine(root, "deploy", "operator", file)))
            .WithManifests(Path.Combine(root, "deploy", "sample"))
            // Pods read the brokers at their container addresses; the operator (a host process) reads the management
            // endpoint on its published port and Kafka at the same container address (routed on a Linux engine).
            .WithSecretValue(ns, "secrets-order-consumer", "servicebus-connectionstring", serviceBus.Resource.ClusterConnectionStringExpression)
            .WithSecretValue(
                ns,
                "secrets-order-management",
                "servicebus-order-management-connectionstring",
                serviceBus.Resource.AdministrationConnectionStringExpression)
            .WithConfigMapValue(ns, "order-processor-kafka", "bootstrapServers", kafka.Resource.ClusterBootstrapServersExpression)
            .WithSampleSettings(builder.Configuration)
            .WithReferenceRelationship(kafka)
            .WithReferenceRelationship(serviceBus);

        var @operator = builder.AddOperator("operator", RepositoryRoot.Assembly(root, Path.Combine("src", "Operator"), "keda-dotnet-operator"), kubernetes)
            .WithServiceBusAmqpPort(serviceBus.Resource.AmqpEndpoint)
            .WaitFor(kafka)
            .WaitFor(serviceBus);
        SampleGraph.Add(builder, root, stateDirectory, kubernetes, @operator, prometheus, kafka, serviceBus);
    }
}
