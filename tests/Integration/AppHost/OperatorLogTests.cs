using Integration.Support;

namespace Integration.AppHost;

/// <summary>
/// The <c>operator</c> resource's structured logs in the dashboard: starting is not an error (no error badge from the
/// first not-ready <c>/readyz</c>), and the sample's ScaledObjects build on their first reconcile (the Kafka trigger's
/// <c>bootstrapServersFromEnv</c> resolves from the start).
/// </summary>
[Collection(nameof(EmbeddedEnvironmentCollection))]
public sealed class OperatorLogTests(EmbeddedEnvironment environment)
{
    private const string Namespace = "keda-dotnet-sample";

    [Fact]
    public async Task Operator_StartsWithoutErrorLogs_AndWithoutATriggerSpecificationError()
    {
        var ct = TestContext.Current.CancellationToken;
        await environment.App.ResourceNotifications.WaitForResourceHealthyAsync("operator", ct);
        var values = await environment.ReadEnvironmentFileAsync(ct);
        using var dashboard = new DashboardTelemetry(values["DASHBOARD_URL"], values["DASHBOARD_API_KEY"]);

        // Each sample ScaledObject's first replica write (the Deployments start at 1) comes after its first reconcile.
        var logs = await Eventually.ThatAsync(
            async () => Operator(await dashboard.LogsAsync(ct)).ToList(),
            logs => ScaledOnce(logs, "order-processor-scaler") && ScaledOnce(logs, "order-processor-kafka-scaler"),
            ct,
            TimeSpan.FromMinutes(3));

        Assert.DoesNotContain(logs, log => log.Severity is "Error" or "Critical");
        Assert.DoesNotContain(logs, log => log.Name.Contains("missing required parameter", StringComparison.Ordinal));
    }

    private static IEnumerable<TelemetryItem> Operator(IEnumerable<TelemetryItem> logs) => logs.Where(log => log.Service == "operator");

    private static bool ScaledOnce(IEnumerable<TelemetryItem> logs, string scaledObject) =>
        logs.Any(log => log.Name.StartsWith($"ScaledObject {Namespace}/{scaledObject}: scaled target from", StringComparison.Ordinal));
}
