namespace Operator.Tests.Cli;

/// <summary>Broken variants of the documented examples: each is reported invalid with KEDA's message.</summary>
public sealed class ValidateBrokenManifestTests
{
    private static string Example(string file) => File.ReadAllText(RepositoryPaths.Example(file));

    private static async Task<Operator.Cli.ScalableObjectReport> ValidateInvalidAsync(string yaml, string name)
    {
        var run = await CliRun.ValidateYamlAsync(yaml);
        Assert.Equal(1, run.ExitCode);
        var report = run.Report(name);
        Assert.False(report.Valid);
        return report;
    }

    /// <summary>KEDA's webhook admits an object whose references are absent; offline, absent from the input means not checked.</summary>
    private static async Task<Operator.Cli.ScalableObjectReport> ValidateNotCheckedAsync(string yaml, string name)
    {
        var run = await CliRun.ValidateYamlAsync(yaml);
        Assert.Equal(0, run.ExitCode);
        var report = run.Report(name);
        Assert.True(report.Valid, string.Join("; ", report.Errors));
        return report;
    }

    [Fact]
    public async Task Validate_SecretAbsentFromTheInput_IsAWarningThatItWasNotChecked()
    {
        var yaml = Example("openshift-triggers.yaml").Replace("metadata: {name: thanos-token,", "metadata: {name: other-token,", StringComparison.Ordinal);

        var report = await ValidateNotCheckedAsync(yaml, "prom-scaledobject");

        Assert.Contains(report.Warnings, w => w.Contains("secrets \"thanos-token\" in namespace \"my-namespace\" is not in the input: not checked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_TriggerAuthenticationAbsentFromTheInput_IsAWarningThatItWasNotChecked()
    {
        var yaml = Example("azure-managed-prometheus.yaml").Replace("authenticationRef: {name: managed-prometheus-auth}", "authenticationRef: {name: typo-auth}", StringComparison.Ordinal);

        var report = await ValidateNotCheckedAsync(yaml, "web-managed-prometheus");

        Assert.Contains(report.Warnings, w => w.Contains("triggerauthentications.keda.sh \"typo-auth\" in namespace \"shop\" is not in the input: not checked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_ScaleTargetAbsentFromTheInput_IsAWarningThatItWasNotChecked()
    {
        var yaml = Example("servicebus-order-processor.yaml").Replace("scaleTargetRef: {name: order-processor}", "scaleTargetRef: {name: order-processer}", StringComparison.Ordinal);

        var report = await ValidateNotCheckedAsync(yaml, "order-scaler");

        Assert.Contains(report.Warnings, w => w.Contains("deployments.apps \"order-processer\" in namespace \"keda-dotnet-sample\" is not in the input: not checked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_ScaledObjectAlone_IsValidWithWarningsOnly()
    {
        var yaml = """
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: alone, namespace: shop}
            spec:
              scaleTargetRef: {name: web}
              triggers:
              - type: cpu
                metricType: Utilization
                metadata: {value: "60"}
              - type: prometheus
                metadata: {serverAddress: "http://prometheus:9090", query: "sum(x)", threshold: "10"}
                authenticationRef: {name: prom-auth}
            """;

        var report = await ValidateNotCheckedAsync(yaml, "alone");

        Assert.Equal(2, report.Warnings.Count(w => w.Contains("is not in the input: not checked", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Validate_EnvSourceContainerMissing_IsInvalid()
    {
        var yaml = Example("servicebus-order-processor.yaml").Replace("scaleTargetRef: {name: order-processor}", "scaleTargetRef: {name: order-processor, envSourceContainerName: sidecar}", StringComparison.Ordinal);

        var report = await ValidateInvalidAsync(yaml, "order-scaler");

        Assert.Contains("error resolving secrets for ScaleTarget: couldn't find container with name sidecar on Target object", report.Errors);
    }

    [Fact]
    public async Task Validate_SecretValues_AreNeverPrinted()
    {
        var yaml = Example("openshift-triggers.yaml").Replace("scaleTargetRef: {name: reporter}", "scaleTargetRef: {name: nobody}", StringComparison.Ordinal);

        var run = await CliRun.ValidateYamlAsync(yaml);

        Assert.DoesNotContain("example-token", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("MIIBjTCCATOgAwIBAgIU", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("      query: sum(rate(http_requests_total{job=\"test-app\"}[1m]))\n", "", "missing required parameter \"query\" in [triggerMetadata]")]
    [InlineData("threshold: '5'", "threshold: 'AA'", "unable to set param \"threshold\" value \"AA\"")]
    [InlineData("authModes: bearer", "authModes: kerberos", "parameter \"authModes,authMode\" value \"kerberos\" must be one of [apiKey basic tls bearer custom oauth]")]
    public async Task Validate_BrokenPrometheusTrigger_IsInvalidWithKedasMessage(string original, string broken, string message)
    {
        var yaml = Example("openshift-triggers.yaml").Replace(original, broken, StringComparison.Ordinal);

        var report = await ValidateInvalidAsync(yaml, "prom-scaledobject");

        Assert.Contains(report.Errors, e => e.Contains("error parsing prometheus metadata", StringComparison.Ordinal) && e.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_IdleNotBelowMin_IsInvalid()
    {
        var yaml = Example("amazon-managed-prometheus.yaml").Replace("  minReplicaCount: 1\n", "  minReplicaCount: 1\n  idleReplicaCount: 1\n", StringComparison.Ordinal);

        var report = await ValidateInvalidAsync(yaml, "chat-prometheus");

        Assert.Contains("IdleReplicaCount=1 must be less than MinReplicaCount=1", report.Errors);
    }

    [Fact]
    public async Task Validate_MinAboveMax_IsInvalid()
    {
        var yaml = Example("azure-managed-prometheus.yaml").Replace("minReplicaCount: 1", "minReplicaCount: 30", StringComparison.Ordinal);

        var report = await ValidateInvalidAsync(yaml, "web-managed-prometheus");

        Assert.Contains("MinReplicaCount=30 must be less than MaxReplicaCount=20", report.Errors);
    }

    [Fact]
    public async Task Validate_DuplicateTriggerName_IsInvalid()
    {
        var yaml = Example("azure-managed-prometheus.yaml").Replace("""
              triggers:
              - type: prometheus
            """, """
              triggers:
              - type: cron
                name: dup
                metadata: {timezone: Etc/UTC, start: 0 8 * * *, end: 0 18 * * *, desiredReplicas: "2"}
              - type: prometheus
                name: dup
            """, StringComparison.Ordinal);

        var report = await ValidateInvalidAsync(yaml, "web-managed-prometheus");

        Assert.Contains(report.Errors, e => e.Contains("triggerName \"dup\" is defined multiple times in the ScaledObject/ScaledJob, but it must be unique", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_TargetAlreadyManagedByAnHpa_IsInvalid()
    {
        var yaml = Example("azure-managed-prometheus.yaml") + """
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web-hpa, namespace: shop}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 1
              maxReplicas: 3
            """;

        var report = await ValidateInvalidAsync(yaml, "web-managed-prometheus");

        Assert.Contains("the workload 'web' of type 'apps/v1.Deployment' is already managed by the hpa 'web-hpa'", report.Errors);
    }

    [Fact]
    public async Task Validate_TargetAlreadyManagedByAnotherScaledObject_IsInvalid()
    {
        var yaml = Example("azure-managed-prometheus.yaml") + """
            ---
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: web-cpu, namespace: shop}
            spec:
              scaleTargetRef: {name: web}
              minReplicaCount: 1
              triggers: [{type: cron, metadata: {timezone: Etc/UTC, start: 0 8 * * *, end: 0 18 * * *, desiredReplicas: "2"}}]
            """;

        var run = await CliRun.ValidateYamlAsync(yaml);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the workload 'web' of type 'apps/v1.Deployment' is already managed by the ScaledObject 'web-cpu'", run.Report("web-managed-prometheus").Errors);
    }

    [Fact]
    public async Task Validate_CpuTriggerWithoutRequests_IsInvalid()
    {
        var yaml = Example("openshift-triggers.yaml").Replace("resources: {requests: {cpu: 200m, memory: 256Mi}}}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: worker", "}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: worker", StringComparison.Ordinal);

        var report = await ValidateInvalidAsync(yaml, "cpu-scaledobject");

        Assert.Contains("the scaledobject has a cpu trigger but the container api doesn't have the cpu request defined", report.Errors);
    }

    [Fact]
    public async Task Validate_CpuTriggerWithLimitRangeDefault_IsValid()
    {
        var yaml = Example("openshift-triggers.yaml").Replace("resources: {requests: {cpu: 200m, memory: 256Mi}}}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: worker", "}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: worker", StringComparison.Ordinal) + """
            ---
            apiVersion: v1
            kind: LimitRange
            metadata: {name: defaults, namespace: my-namespace}
            spec:
              limits: [{type: Container, defaultRequest: {cpu: 100m}}]
            """;

        var run = await CliRun.ValidateYamlAsync(yaml);

        Assert.True(run.Report("cpu-scaledobject").Valid, string.Join("; ", run.Report("cpu-scaledobject").Errors));
    }

    [Fact]
    public async Task Validate_NameLongerThan63Characters_IsInvalid()
    {
        var longName = new string('a', 64);
        var yaml = Example("servicebus-order-processor.yaml").Replace("metadata: {name: order-scaler,", $"metadata: {{name: {longName},", StringComparison.Ordinal);

        var report = await ValidateInvalidAsync(yaml, longName);

        Assert.Contains(report.Errors, e => e.Contains($"scaledobject name \"{longName}\" is 64 characters long; must be no more than 63 characters", StringComparison.Ordinal));
    }
}
