using AppHost.Kafka;
using AppHost.Kubernetes;
using AppHost.Operator;
using AppHost.Prometheus;
using AppHost.Sample;
using AppHost.ServiceBus;

namespace AppHost.Profiles;

/// <summary>
/// The embedded profile: every resource is a local process or runs inside the AppHost; nothing waits on a container.
/// </summary>
internal static class EmbeddedGraph
{
    /// <summary>The operator's RBAC from deploy/ (not its Deployment or APIService: the operator runs as a host process).</summary>
    internal static readonly string[] OperatorRbac = ["namespace.yaml", "service-account.yaml", "cluster-role.yaml", "role.yaml", "bindings.yaml"];

    public static void Add(IDistributedApplicationBuilder builder, string root, string stateDirectory)
    {
        var prometheus = builder.AddPrometheus("prometheus", stateDirectory);
        var kafka = builder.AddKafka("kafka", RepositoryRoot.Assembly(root, Path.Combine("src", "LocalKafka"), "LocalKafka"), "orders:8");
        var serviceBus = builder.AddServiceBus("servicebus", RepositoryRoot.Assembly(root, Path.Combine("src", "LocalServiceBus"), "LocalServiceBus"), stateDirectory)
            .AddQueue("orders");

        var kubernetes = builder.AddEmbeddedKubernetes("kubernetes", Path.Combine(stateDirectory, "kubeconfig"))
            .WithManifests(Path.Combine(root, "deploy", "crds"))
            .WithManifests(OperatorRbac.Select(file => Path.Combine(root, "deploy", "operator", file)))
            .WithManifests(Path.Combine(root, "deploy", "sample"))
            .WithDotnetImage("keda-dotnet-sample/order-processor", RepositoryRoot.Assembly(root, Path.Combine("src", "OrderProcessor"), "OrderProcessor"))
            .WithPodReference(kafka)
            .WithPodReference(serviceBus)
            // deploy/sample's placeholders, overwritten with the running brokers' addresses.
            .WithSecretValue(SampleGraph.Namespace, "secrets-order-consumer", "servicebus-connectionstring", serviceBus.Resource.ConnectionStringExpression)
            .WithSecretValue(
                SampleGraph.Namespace,
                "secrets-order-management",
                "servicebus-order-management-connectionstring",
                serviceBus.Resource.AdministrationConnectionStringExpression)
            .WithConfigMapValue(SampleGraph.Namespace, "order-processor-kafka", "bootstrapServers", kafka.Resource.ConnectionStringExpression)
            .WithSampleSettings(builder.Configuration)
            .WaitFor(kafka)
            .WaitFor(serviceBus);

        var @operator = builder.AddOperator("operator", RepositoryRoot.Assembly(root, Path.Combine("src", "Operator"), "keda-dotnet-operator"), kubernetes)
            .WithServiceBusAmqpPort(serviceBus.Resource.AmqpEndpoint);
        SampleGraph.Add(builder, root, stateDirectory, kubernetes, @operator, prometheus, kafka, serviceBus);
    }
}
