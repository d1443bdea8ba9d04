using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Integration.AppHost;
using Integration.Support;
using k8s;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Sample;

/// <summary>
/// The whole environment end to end, once per transport, on whichever profile <paramref name="environment"/> runs:
/// orders queued by the generator scale the processor Deployment 0 → N (1 &lt; N ≤ maxReplicaCount) → 0 after the
/// cooldown, every order is processed exactly once (counted by order id in the processor's logs in the dashboard),
/// one order's trace holds the generator's and the processor's spans, and the operator's scale-decision spans are in
/// the dashboard too.
/// </summary>
internal sealed class ScaleFromZeroScenario(AppHostEnvironment environment)
{
    private const string Namespace = "keda-dotnet-sample";
    private const int MaxReplicaCount = 10;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(6);

    /// <summary>Service Bus, the orders queued by the <c>order-generator</c> resource's start command.</summary>
    public Task ServiceBusFromTheGeneratorResourceAsync() =>
        RunAsync(new Scenario("servicebus", "orders", "order-processor", "order-processor-scaler"), async ct =>
        {
            var commands = environment.App.Services.GetRequiredService<ResourceCommandService>();
            var started = await commands.ExecuteCommandAsync("order-generator", KnownResourceCommands.StartCommand, ct);
            Assert.True(started.Success, started.Message);
            var finished = await environment.App.ResourceNotifications.WaitForResourceAsync(
                "order-generator", e => e.Snapshot.State?.Text is "Finished" or "Exited" or "FailedToStart", ct);
            Assert.Equal(0, finished.Snapshot.ExitCode);
        });

    /// <summary>
    /// Kafka, the orders queued from a second terminal. Exactly once although partitions move between pods as they come
    /// and go: the processor is on the consumer group protocol (KIP-848), which keeps commits accepted while the group
    /// rebalances.
    /// </summary>
    public Task KafkaFromASecondTerminalAsync() =>
        RunAsync(new Scenario("kafka", "orders", "order-processor-kafka", "order-processor-kafka-scaler"), async ct =>
        {
            var (exitCode, output) = await GeneratorProcess.RunAsync(
                environment.WorkingDirectory,
                ct,
                "--count",
                AppHostEnvironment.OrdersPerRun.ToString(CultureInfo.InvariantCulture),
                "--transport",
                "kafka");
            Assert.True(exitCode == 0, output);
        });

    private async Task RunAsync(Scenario scenario, Func<CancellationToken, Task> queueOrders)
    {
        var ct = TestContext.Current.CancellationToken;
        await environment.App.ResourceNotifications.WaitForResourceHealthyAsync("operator", ct);
        using var client = environment.CreateClient();
        await Eventually.ThatAsync(() => ReplicasAsync(client, scenario.Deployment, ct), replicas => replicas == 0, ct, Patience);

        await using (var states = new ResourceStates(environment.App, scenario.ScaledObject))
        await using (var history = new ReplicaHistory(client, Namespace, scenario.Deployment))
        {
            await queueOrders(ct);

            await Eventually.ThatAsync(() => Task.FromResult(history.Max), max => max > 1, ct, Patience);
            await Eventually.ThatAsync(() => ReplicasAsync(client, scenario.Deployment, ct), replicas => replicas == 0, ct, Patience);
            Assert.InRange(history.Max, 2, MaxReplicaCount);

            // The dashboard resource of the ScaledObject followed along: active with replicas, then back to 0 and idle.
            await Eventually.ThatAsync(() => Task.FromResult(states.Texts), texts => texts.Count > 0 && texts[^1].StartsWith("0/10 replicas", StringComparison.Ordinal), ct);
            Assert.Contains(states.Texts, text => text.EndsWith(" · active", StringComparison.Ordinal) && !text.StartsWith("0/", StringComparison.Ordinal));
        }

        await Eventually.ThatAsync(
            () => client.CoreV1.ListNamespacedPodAsync(Namespace, labelSelector: "app=" + scenario.Deployment, cancellationToken: ct),
            pods => pods.Items.Count == 0,
            ct,
            Patience);
        await AssertTelemetryAsync(scenario, ct);
    }

    private async Task AssertTelemetryAsync(Scenario scenario, CancellationToken ct)
    {
        var values = await environment.ReadEnvironmentFileAsync(ct);
        using var dashboard = new DashboardTelemetry(values["DASHBOARD_URL"], values["DASHBOARD_API_KEY"]);
        var created = (await Eventually.ThatAsync(
                () => dashboard.SpansAsync(ct),
                spans => scenario.Created(spans).Count() >= AppHostEnvironment.OrdersPerRun,
                ct,
                TimeSpan.FromMinutes(2)))
            .Where(span => scenario.Created([span]).Any())
            .ToList();
        var processedLogs = await Eventually.ThatAsync(
            () => dashboard.LogsAsync(ct),
            logs => scenario.Processed(logs).Count() >= AppHostEnvironment.OrdersPerRun,
            ct,
            TimeSpan.FromMinutes(2));

        var orderIds = created.Select(span => span["order.id"]!).ToHashSet(StringComparer.Ordinal);
        var processed = scenario.Processed(processedLogs).GroupBy(log => log["OrderId"]!, StringComparer.Ordinal).ToList();
        Assert.Equal(AppHostEnvironment.OrdersPerRun, orderIds.Count);
        Assert.Equal(orderIds.Order(StringComparer.Ordinal), processed.Select(g => g.Key).Order(StringComparer.Ordinal));
        var repeated = processed.Where(order => order.Count() > 1).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{scenario.Transport}: {orderIds.Count} orders, {processed.Sum(order => order.Count())} processings, {repeated.Count} processed more than once");
        Assert.Empty(repeated);

        var spans = await dashboard.SpansAsync(ct);
        var order = created[0];
        Assert.Contains(spans, span => span.TraceId == order.TraceId && span.Name == $"process {scenario.Transport} order" && span["order.id"] == order["order.id"]);
        var decisions = spans.Where(span => span.Name == "scaledobject.scale" && span["keda.scaledobject"] == $"{Namespace}/{scenario.ScaledObject}").ToList();
        // The 0→1 decision links to the traces of the orders that were waiting when it was made.
        var orderTraces = created.Select(span => span.TraceId).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(decisions, span => span["keda.replicas.from"] == "0" && span["keda.replicas.to"] == "1" && span.Links.Any(orderTraces.Contains));
        Assert.Contains(decisions, span => span["keda.replicas.from"] != "0" && span["keda.replicas.to"] == "0");
    }

    private static async Task<int> ReplicasAsync(k8s.Kubernetes client, string deployment, CancellationToken ct) =>
        (await client.AppsV1.ReadNamespacedDeploymentScaleAsync(deployment, Namespace, cancellationToken: ct)).Spec?.Replicas ?? 0;

    private sealed record Scenario(string Transport, string Destination, string Deployment, string ScaledObject)
    {
        public IEnumerable<TelemetryItem> Created(IEnumerable<TelemetryItem> spans) =>
            spans.Where(span => span.Name == $"create {Destination}" && span["messaging.system"] == Transport && span["order.id"] is not null);

        // "Order {OrderId} processed" from the processor pods of this Deployment (their OTEL_SERVICE_NAME).
        public IEnumerable<TelemetryItem> Processed(IEnumerable<TelemetryItem> logs) =>
            logs.Where(log => log.Service == Deployment && log["OrderId"] is not null && log.Name.EndsWith(" processed", StringComparison.Ordinal));
    }
}
