using Operator.Scalers;
using Operator.Scalers.Kafka;

namespace Operator.Tests.Scalers.Kafka;

/// <summary>Failures are results (for fallback and conditions), never exceptions, and never carry a secret.</summary>
public sealed class KafkaScalerFailureTests
{
    [Fact]
    public async Task StoppedBroker_GivesAFailureResult_AndTheScalerRecoversWhenItReturns()
    {
        await using var kafka = KafkaTestCluster.Start("orders", 1);
        await kafka.ProduceAsync("orders", 0, 2);
        kafka.Commit("workers", "orders", 0, 0);
        await using var scaler = kafka.Build("consumerGroup=workers|topic=orders");
        Assert.True((await KafkaTestCluster.PollAsync(scaler)).IsSuccess);

        kafka.Cluster.StopBroker(1);
        var failed = await KafkaTestCluster.PollAsync(scaler);

        Assert.False(failed.IsSuccess);
        Assert.False(string.IsNullOrEmpty(failed.Error));
        Assert.Empty(failed.Metrics);

        kafka.Cluster.StartBroker(1);
        var recovered = await PollUntilSuccessAsync(scaler);
        Assert.True(recovered.IsSuccess, recovered.Error);
        Assert.Equal(2, recovered.Metrics.Single().Value);
    }

    [Fact]
    public async Task UnknownTopic_GivesAFailureResult()
    {
        await using var kafka = KafkaTestCluster.Start("orders", 1);
        await using var scaler = kafka.Build("consumerGroup=workers|topic=missing");

        var result = await KafkaTestCluster.PollAsync(scaler);

        Assert.False(result.IsSuccess);
        Assert.Contains("missing", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedSaslConnection_NeverPutsThePasswordInTheResult()
    {
        await using var kafka = KafkaTestCluster.Start("orders", 1);
        await using var scaler = kafka.Build("consumerGroup=workers|topic=orders|sasl=plaintext", "username=svc|password=s3cr3t-Pa55");

        var result = await KafkaTestCluster.PollAsync(scaler);

        Assert.False(result.IsSuccess);
        Assert.DoesNotContain("s3cr3t-Pa55", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gssapi_IsReportedAsUnsupported_WithoutAnException()
    {
        await using var kafka = KafkaTestCluster.Start("orders", 1);
        await using var scaler = kafka.Build("consumerGroup=workers|topic=orders|sasl=gssapi", "username=u|password=p|realm=R|kerberosConfig=x");

        var result = await KafkaTestCluster.PollAsync(scaler);

        Assert.Contains("sasl 'gssapi' is not supported", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScalersOnTheSameConnection_ShareOneAdminClient_ReleasedWithTheLast()
    {
        await using var kafka = KafkaTestCluster.Start("orders", 1);
        var first = kafka.Build("consumerGroup=a|topic=orders");
        var second = kafka.Build("consumerGroup=b|topic=orders");
        await KafkaTestCluster.PollAsync(first);
        await KafkaTestCluster.PollAsync(second);

        Assert.Equal((1, 2), (KafkaAdminPool.Shared.ClientsFor(kafka.Servers), KafkaAdminPool.Shared.ReferencesTo(kafka.Servers)));
        await first.DisposeAsync();
        Assert.Equal((1, 1), (KafkaAdminPool.Shared.ClientsFor(kafka.Servers), KafkaAdminPool.Shared.ReferencesTo(kafka.Servers)));
        await second.DisposeAsync();
        Assert.Equal(0, KafkaAdminPool.Shared.ClientsFor(kafka.Servers));
    }

    private static async Task<ScalerResult> PollUntilSuccessAsync(IScaler scaler)
    {
        var deadline = Environment.TickCount64 + 60_000;
        while (true)
        {
            var result = await KafkaTestCluster.PollAsync(scaler);
            if (result.IsSuccess || Environment.TickCount64 > deadline)
            {
                return result;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
