namespace Operator.Tests.Cli;

/// <summary>References resolved from the input reach the scalers as KEDA would pass them.</summary>
public sealed class ValidateResolutionTests
{
    private const string Worker = """
        apiVersion: v1
        kind: Secret
        metadata: {name: sb, namespace: apps}
        stringData: {conn: "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=c2VjcmV0LXZhbHVl"}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: worker, namespace: apps}
        spec:
          selector: {matchLabels: {app: worker}}
          template:
            spec:
              containers:
              - name: worker
                image: example/worker:1
                env:
                - {name: SB_CONN, valueFrom: {secretKeyRef: {name: sb, key: conn}}}
        ---
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: worker, namespace: apps}
        spec:
          scaleTargetRef: {name: worker}
          triggers:
          - type: azure-servicebus
            metadata: {queueName: jobs, connectionFromEnv: SB_CONN}
        """;

    [Fact]
    public async Task Validate_FromEnvResolvedFromTheTargetsSecretEnv_IsValid()
    {
        var run = await CliRun.ValidateYamlAsync(Worker);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("s0-azure-servicebus-jobs", Assert.Single(run.Report("worker").Triggers).MetricName);
    }

    [Fact]
    public async Task Validate_FromEnvNamingAnAbsentVariable_IsTheScalersError()
    {
        var run = await CliRun.ValidateYamlAsync(Worker.Replace("connectionFromEnv: SB_CONN", "connectionFromEnv: SB_CONNECTION", StringComparison.Ordinal));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.Report("worker").Errors, e => e.StartsWith("trigger 0 (azure-servicebus): ", StringComparison.Ordinal) && e.Contains("no connection setting given", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_ConnectionFromSecretTargetRef_IsValid()
    {
        var yaml = Worker.Replace("connectionFromEnv: SB_CONN}", "}\n    authenticationRef: {name: sb-auth}", StringComparison.Ordinal) + """

            ---
            apiVersion: keda.sh/v1alpha1
            kind: TriggerAuthentication
            metadata: {name: sb-auth, namespace: apps}
            spec: {secretTargetRef: [{parameter: connection, name: sb, key: conn}]}
            """;

        var run = await CliRun.ValidateYamlAsync(yaml);

        Assert.True(run.Report("worker").Valid, string.Join("; ", run.Report("worker").Errors));
        Assert.DoesNotContain("c2VjcmV0LXZhbHVl", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_UnknownTriggerType_IsKedasError()
    {
        var run = await CliRun.ValidateYamlAsync(Worker.Replace("type: azure-servicebus", "type: azure-servicebuss", StringComparison.Ordinal));

        Assert.Contains("trigger 0 (azure-servicebuss): no scaler found for type: azure-servicebuss", run.Report("worker").Errors);
    }
}
