using Microsoft.Extensions.DependencyInjection;
using Operator.Scalers;
using Operator.Scalers.AzureServiceBus;
using Operator.Scalers.Http;

namespace Operator.Tests.Scalers.AzureServiceBus;

/// <summary>The azure-servicebus scaler reading counts from a real (local) Service Bus through the management API.</summary>
public sealed class AzureServiceBusRuntimeTests(LocalServiceBusFixture bus) : IClassFixture<LocalServiceBusFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static AzureServiceBusScaler Build(
        LocalServiceBusFixture bus, string metadata, string? auth = null, ServiceBusAdminPool? pool = null, ServiceBusActivityWatch? watch = null, ScalerServices? services = null)
    {
        var result = AzureServiceBusScaler.Build(new ScalerConfig
        {
            TriggerType = "azure-servicebus",
            TriggerMetadata = TestMaps.Parse(metadata),
            AuthParams = auth is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["connection"] = auth },
            ResolvedEnv = new Dictionary<string, string> { ["SB_ADMIN"] = bus.Server.AdministrationConnectionString },
        }, services ?? ScalerServices.Default, pool ?? new ServiceBusAdminPool(), watch ?? ServiceBusActivityWatch.Shared);
        Assert.True(result.IsSuccess);
        return (AzureServiceBusScaler)result.Scaler!;
    }

    private AzureServiceBusScaler Build(string metadata, string? auth = null, ServiceBusAdminPool? pool = null) => Build(bus, metadata, auth, pool);

    private static async Task<ScalerResult> Poll(AzureServiceBusScaler scaler) =>
        await scaler.GetMetricsAndActivityAsync(scaler.MetricName, Ct);

    [Fact]
    public async Task QueueCount_FollowsSendsAndCompletions()
    {
        var queue = bus.NewQueue("count-orders");
        await using var scaler = Build($"queueName={queue}|connectionFromEnv=SB_ADMIN");
        var empty = await Poll(scaler);
        await bus.SendAsync(queue, 3);
        var three = await Poll(scaler);
        await using var receiver = bus.Client.CreateReceiver(queue);
        await receiver.CompleteMessageAsync(await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(30), Ct), Ct);
        var two = await Poll(scaler);

        Assert.Equal(0, empty.Metrics[0].Value);
        Assert.False(empty.IsActive);
        Assert.Equal(3, three.Metrics[0].Value);
        Assert.True(three.IsActive);
        Assert.Equal("s0-azure-servicebus-count-orders", three.Metrics[0].MetricName);
        Assert.Equal(2, two.Metrics[0].Value);
    }

    [Fact]
    public async Task ManagementRequests_GoThroughTheHostsHttpClientFactory()
    {
        var sent = new RequestCount();
        using var provider = new ServiceCollection().AddLogging()
            .ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler(() => new CountingHandler(sent)))
            .AddScalerHttpClients()
            .BuildServiceProvider();
        var queue = bus.NewQueue("factory-orders");
        await bus.SendAsync(queue, 2);
        await using var scaler = Build(bus, $"queueName={queue}|connectionFromEnv=SB_ADMIN",
            services: new ScalerServices { Http = provider.GetRequiredService<ScalerHttpClients>() });

        var result = await Poll(scaler);

        Assert.Equal(2, result.Metrics[0].Value);
        Assert.True(sent.Value > 0, "the management API request went through a client of the host's factory");
    }

    [Fact]
    public async Task ActivationMessageCount_KeepsTheTriggerInactive_UpToTheThreshold()
    {
        var queue = bus.NewQueue("activation-orders");
        await bus.SendAsync(queue, 3);
        await using var scaler = Build($"queueName={queue}|activationMessageCount=3", auth: bus.Server.AdministrationConnectionString);

        var result = await Poll(scaler);

        Assert.Equal(3, result.Metrics[0].Value);
        Assert.False(result.IsActive);
    }

    [Theory]
    [InlineData("sum", 7)]
    [InlineData("max", 4)]
    [InlineData("avg", 2)]
    public async Task UseRegex_AggregatesEveryQueueWhoseWholeNameMatches(string operation, long expected)
    {
        var prefix = $"rx{operation}";
        var sizes = new[] { 1, 2, 4 };
        for (var i = 0; i < sizes.Length; i++)
        {
            await bus.SendAsync(bus.NewQueue($"{prefix}-{i}"), sizes[i]);
        }

        await bus.SendAsync(bus.NewQueue($"x-{prefix}-9"), 50);
        await using var scaler = Build($"queueName={prefix}-.*|useRegex=true|operation={operation}|connectionFromEnv=SB_ADMIN");

        var result = await Poll(scaler);

        Assert.Equal(expected, result.Metrics[0].Value);
        Assert.Equal("s0-azure-servicebus-queue-regex", scaler.MetricName);
    }

    [Fact]
    public async Task SubscriptionCount_AndSubscriptionRegex_ReadTheTopicsSubscriptions()
    {
        bus.NewTopic("counted-events", "billing", "shipping", "audit");
        await bus.SendAsync("counted-events", 2);
        await using var one = Build("topicName=counted-events|subscriptionName=billing|connectionFromEnv=SB_ADMIN");
        await using var regex = Build("topicName=counted-events|subscriptionName=.*ing|useRegex=true|connectionFromEnv=SB_ADMIN");

        Assert.Equal(2, (await Poll(one)).Metrics[0].Value);
        Assert.Equal(4, (await Poll(regex)).Metrics[0].Value);
    }

    [Fact]
    public async Task UnknownQueue_IsAFailureResult_NamingTheQueue_WithoutTheSecret()
    {
        await using var scaler = Build("queueName=no-such-queue|connectionFromEnv=SB_ADMIN");

        var result = await Poll(scaler);

        Assert.False(result.IsSuccess);
        Assert.Contains("no-such-queue", result.Error, StringComparison.Ordinal);
        Assert.Contains("not found", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("SAS_KEY_VALUE", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedKey_IsAFailureResult_WithoutTheSecret()
    {
        var forged = bus.Server.AdministrationConnectionString.Replace("SAS_KEY_VALUE", "forged-secret", StringComparison.Ordinal);
        await using var scaler = Build("queueName=orders", auth: forged);

        var result = await Poll(scaler);

        Assert.False(result.IsSuccess);
        Assert.DoesNotContain("forged-secret", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedConnectionString_IsAFailureResult_NotAnException()
    {
        await using var scaler = Build("queueName=orders", auth: "not a connection string secret-value");

        var result = await Poll(scaler);

        Assert.False(result.IsSuccess);
        Assert.DoesNotContain("secret-value", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScalersWithTheSameConnection_ShareOneAdministrationClient()
    {
        var pool = new ServiceBusAdminPool();
        bus.NewQueue("shared-a");
        bus.NewQueue("shared-b");
        var a = Build("queueName=shared-a|connectionFromEnv=SB_ADMIN", pool: pool);
        var b = Build("queueName=shared-b|connectionFromEnv=SB_ADMIN", pool: pool);
        await Poll(a);
        await Poll(b);
        await Poll(a);

        Assert.Equal(1, pool.Count);
        await a.DisposeAsync();
        Assert.Equal(1, pool.Count);
        await b.DisposeAsync();
        Assert.Equal(0, pool.Count);
    }

    [Fact]
    public async Task WorkloadIdentityScaler_ReadsNoConnectionString_AndBuildsForTheNamespace()
    {
        var result = AzureServiceBusScaler.Build(new ScalerConfig
        {
            TriggerType = "azure-servicebus",
            TriggerMetadata = TestMaps.Parse("queueName=orders|namespace=contoso|cloud=AzureChinaCloud"),
            PodIdentity = new PodIdentity("azure-workload"),
        }, ScalerServices.Default);

        await using var scaler = (AzureServiceBusScaler)result.Scaler!;

        Assert.Equal("contoso.servicebus.chinacloudapi.cn", scaler.Metadata.FullyQualifiedNamespace);
    }

    private sealed class RequestCount
    {
        private int _value;

        public int Value => Volatile.Read(ref _value);

        public void Add() => Interlocked.Increment(ref _value);
    }

    private sealed class CountingHandler(RequestCount count) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            count.Add();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
