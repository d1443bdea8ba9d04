using Operator.Scalers;
using Operator.Scalers.AzureServiceBus;

namespace Operator.Tests.Scalers.AzureServiceBus;

// KEDA pkg/scalers/azure_servicebus_scaler_test.go parseServiceBusMetadataDataset and metric identifiers.
public sealed class AzureServiceBusScalerTests
{
    private const string Queue = "queueName=testqueue";
    private const string Topic = "topicName=testtopic|subscriptionName=testsubscription";
    private const string FromEnv = "|connectionFromEnv=none";
    private const string Default = "ns.servicebus.windows.net";

    private static ScalerBuildResult Build(string metadata, string auth = "", string podIdentity = "", int index = 0) =>
        ScalerRegistry.Build(new ScalerConfig
        {
            TriggerType = "azure-servicebus",
            TriggerIndex = index,
            TriggerMetadata = TestMaps.Parse(metadata),
            AuthParams = TestMaps.Parse(auth),
            ResolvedEnv = new Dictionary<string, string> { ["none"] = "none" },
            PodIdentity = podIdentity.Length == 0 ? PodIdentity.None : new PodIdentity(podIdentity),
        });

    [Theory]
    [InlineData("", true, ServiceBusEntityType.None, "", "", "")]
    [InlineData(Queue + FromEnv, false, ServiceBusEntityType.Queue, "", "", "")]
    [InlineData(Queue + FromEnv + "|messageCount=1000", false, ServiceBusEntityType.Queue, "", "", "")]
    [InlineData(Topic + FromEnv, false, ServiceBusEntityType.Subscription, "", "", "")]
    [InlineData(Topic + FromEnv + "|messageCount=1000", false, ServiceBusEntityType.Subscription, "", "", "")]
    [InlineData(Queue + "|topicName=testtopic" + FromEnv, true, ServiceBusEntityType.None, "", "", "")]
    [InlineData(Queue + "|subscriptionName=testsubscription" + FromEnv, true, ServiceBusEntityType.None, "", "", "")]
    [InlineData("topicName=testtopic" + FromEnv, true, ServiceBusEntityType.None, "", "", "")]
    [InlineData("subscriptionName=testsubscription" + FromEnv, true, ServiceBusEntityType.None, "", "", "")]
    [InlineData(Queue + FromEnv + "|cloud=AzureChinaCloud", false, ServiceBusEntityType.Queue, "", "", "")]
    [InlineData(Queue + "|cloud=InvalidCloud", true, ServiceBusEntityType.None, "", "", "azure-workload")]
    [InlineData(Queue + FromEnv + "|cloud=Private|endpointSuffix=servicebus.private.cloud", false, ServiceBusEntityType.Queue, "", "", "")]
    [InlineData(Queue + "|cloud=Private", true, ServiceBusEntityType.None, "", "", "azure-workload")]
    [InlineData(Queue + FromEnv + "|endpointSuffix=ignored", false, ServiceBusEntityType.Queue, "", "", "")]
    [InlineData(Queue, true, ServiceBusEntityType.Queue, "", "", "")]
    [InlineData(Queue, false, ServiceBusEntityType.Queue, "", "connection=none", "")]
    [InlineData(Queue, true, ServiceBusEntityType.Queue, "", "", "azure-workload")]
    [InlineData(Queue + "|namespace=ns", false, ServiceBusEntityType.Queue, Default, "", "azure-workload")]
    [InlineData(Queue + FromEnv + "|messageCount=1000|activationMessageCount=AA", true, ServiceBusEntityType.Queue, "", "", "")]
    [InlineData(Queue + FromEnv + "|useRegex=ababa", true, ServiceBusEntityType.Queue, "", "", "")]
    [InlineData(Queue + FromEnv + "|useRegex=false", false, ServiceBusEntityType.Queue, "", "", "")]
    [InlineData(Queue + FromEnv + "|useRegex=true|operation=avg", false, ServiceBusEntityType.Queue, "", "", "")]
    [InlineData(Queue + FromEnv + "|useRegex=true|operation=sum", false, ServiceBusEntityType.Queue, "", "", "")]
    [InlineData(Queue + FromEnv + "|useRegex=true|operation=max", false, ServiceBusEntityType.Queue, "", "", "")]
    [InlineData(Queue + FromEnv + "|useRegex=true", false, ServiceBusEntityType.Queue, "", "", "")]
    [InlineData(Queue + FromEnv + "|useRegex=true|operation=random", true, ServiceBusEntityType.Queue, "", "", "")]
    [InlineData("queueName=*" + FromEnv + "|useRegex=true|operation=avg", true, ServiceBusEntityType.Queue, "", "", "")]
    [InlineData(Topic + FromEnv + "|useRegex=ababa", true, ServiceBusEntityType.Subscription, "", "", "")]
    [InlineData(Topic + FromEnv + "|useRegex=false", false, ServiceBusEntityType.Subscription, "", "", "")]
    [InlineData(Topic + FromEnv + "|useRegex=true|operation=avg", false, ServiceBusEntityType.Subscription, "", "", "")]
    [InlineData(Topic + FromEnv + "|useRegex=true|operation=random", true, ServiceBusEntityType.Subscription, "", "", "")]
    [InlineData("topicName=testtopic|subscriptionName=*" + FromEnv + "|useRegex=true|operation=avg", true, ServiceBusEntityType.Subscription, "", "", "")]
    public void Build_MatchesKedaParseTable(
        string metadata, bool isError, ServiceBusEntityType entityType, string fqdn, string auth, string podIdentity)
    {
        var result = Build(metadata, auth, podIdentity);

        Assert.Equal(isError, !result.IsSuccess);
        if (!isError)
        {
            var meta = ((AzureServiceBusScaler)result.Scaler!).Metadata;
            Assert.Equal(entityType, meta.EntityType);
            if (podIdentity.Length > 0)
            {
                Assert.Equal(fqdn, meta.FullyQualifiedNamespace);
            }
        }
    }

    [Theory]
    [InlineData("", "no service bus entity type set")]
    [InlineData(Queue + "|subscriptionName=s" + FromEnv, "subscription name provided with queue name")]
    [InlineData(Queue + "|topicName=t" + FromEnv, "both topic and queue name metadata provided")]
    [InlineData("topicName=t" + FromEnv, "no subscription name provided with topic name")]
    [InlineData("queueName=*|useRegex=true" + FromEnv, "queueName is not a valid regular expression")]
    [InlineData("topicName=t|subscriptionName=(|useRegex=true" + FromEnv, "subscriptionName is not a valid regular expression")]
    [InlineData(Queue, "no connection setting given")]
    public void Build_ReportsKedaMessages(string metadata, string expected)
    {
        BuildAssert.HasError(Build(metadata), expected);
    }

    [Theory]
    [InlineData(Queue, "namespace are required when using pod identity", "azure-workload")]
    [InlineData(Queue + "|namespace=ns|cloud=InvalidCloud", "invalid cloud environment InvalidCloud", "azure-workload")]
    [InlineData(Queue + "|namespace=ns|cloud=private", "endpointSuffix must be provided for Private cloud type", "azure-workload")]
    [InlineData(Queue + "|namespace=ns", "azure service bus doesn't support pod identity gcp", "gcp")]
    public void Build_PodIdentityErrors(string metadata, string expected, string podIdentity)
    {
        Assert.Equal([$"error parsing azure service bus metadata: {expected}"], Build(metadata, podIdentity: podIdentity).Errors);
    }

    [Theory]
    [InlineData("", "ns.servicebus.windows.net")]
    [InlineData("|cloud=azurechinacloud", "ns.servicebus.chinacloudapi.cn")]
    [InlineData("|cloud=AzureUSGovernmentCloud", "ns.servicebus.usgovcloudapi.net")]
    [InlineData("|cloud=AzureGermanCloud", "ns.servicebus.cloudapi.de")]
    [InlineData("|cloud=Private|endpointSuffix=sb.local", "ns.sb.local")]
    public void Build_WorkloadIdentity_BuildsFullyQualifiedNamespace(string extra, string expected)
    {
        var meta = ((AzureServiceBusScaler)Build(Queue + "|namespace=ns" + extra, podIdentity: "azure-workload").Scaler!).Metadata;

        Assert.Equal(expected, meta.FullyQualifiedNamespace);
    }

    [Theory]
    [InlineData(Queue + FromEnv, 0, "s0-azure-servicebus-testqueue")]
    [InlineData(Topic + FromEnv, 1, "s1-azure-servicebus-testtopic")]
    [InlineData(Queue + FromEnv + "|useRegex=true", 0, "s0-azure-servicebus-queue-regex")]
    [InlineData(Topic + FromEnv + "|useRegex=true", 2, "s2-azure-servicebus-topic-regex")]
    [InlineData("queueName=orders.eu" + FromEnv, 0, "s0-azure-servicebus-orders-eu")]
    public void GetMetricSpecs_UsesKedaMetricNames(string metadata, int index, string expected)
    {
        Assert.Equal(expected, Build(metadata, index: index).Scaler!.GetMetricSpecs()[0].External.Metric.Name);
    }

    [Fact]
    public void GetMetricSpecs_OrderProcessorExample_TargetsFiveWithWorkloadIdentity()
    {
        var result = Build("namespace=sbns-demo|queueName=orders|messageCount=5", podIdentity: "azure-workload");

        var spec = Assert.Single(result.Scaler!.GetMetricSpecs());
        Assert.Equal("s0-azure-servicebus-orders", spec.External.Metric.Name);
        Assert.Equal("AverageValue", spec.External.Target.Type);
        Assert.Equal("5", spec.External.Target.AverageValue.ToString());
        Assert.Equal("sbns-demo.servicebus.windows.net", ((AzureServiceBusScaler)result.Scaler).Metadata.FullyQualifiedNamespace);
    }

    [Fact]
    public void Build_MessageCountDefaultsToFive()
    {
        Assert.Equal(5, ((AzureServiceBusScaler)Build(Queue + FromEnv).Scaler!).Metadata.TargetLength);
    }

    [Fact]
    public void Build_Regex_MatchesWholeNamesOnly()
    {
        var regex = ((AzureServiceBusScaler)Build("queueName=orders-.*|useRegex=true" + FromEnv).Scaler!).Metadata.EntityNameRegex!;

        Assert.Matches(regex, "orders-eu");
        Assert.DoesNotMatch(regex, "old-orders-eu");
    }

    [Fact]
    public async Task GetMetricsAndActivity_WithAnInvalidConnectionString_FailsWithoutThrowing()
    {
        await using var scaler = Build(Queue + FromEnv).Scaler!;

        var result = await scaler.GetMetricsAndActivityAsync("s0-azure-servicebus-testqueue", TestContext.Current.CancellationToken);

        Assert.False(result.IsSuccess);
        Assert.Contains("connection string is not valid", result.Error, StringComparison.Ordinal);
    }
}
