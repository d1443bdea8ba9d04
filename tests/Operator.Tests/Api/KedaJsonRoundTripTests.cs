using System.Text.Json.Nodes;
using Kubernetes.Controller.Yaml;
using Operator.Api;

namespace Operator.Tests.Api;

public sealed class KedaJsonRoundTripTests
{
    private const string FullScaledObject = """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata:
          name: orders
          namespace: shop
          labels:
            scaledobject.keda.sh/name: orders
          annotations:
            scaledobject.keda.sh/transfer-hpa-ownership: "true"
          finalizers:
          - finalizer.keda.sh
          creationTimestamp: "2026-01-02T03:04:05Z"
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: StatefulSet
            name: orders
            envSourceContainerName: worker
          pollingInterval: 15
          cooldownPeriod: 120
          initialCooldownPeriod: 30
          idleReplicaCount: 0
          minReplicaCount: 1
          maxReplicaCount: 20
          fallback:
            failureThreshold: 3
            replicas: 6
            behavior: currentReplicasIfHigher
          advanced:
            restoreToOriginalReplicaCount: true
            horizontalPodAutoscalerConfig:
              name: orders-hpa
              behavior:
                scaleDown:
                  stabilizationWindowSeconds: 300
                  policies:
                  - type: Percent
                    value: 100
                    periodSeconds: 15
                scaleUp:
                  selectPolicy: Max
                  policies:
                  - type: Pods
                    value: 4
                    periodSeconds: 15
            scalingModifiers:
              formula: "queue + lag"
              target: "10"
              activationTarget: "1"
              metricType: AverageValue
          triggers:
          - type: prometheus
            name: queue
            useCachedMetrics: true
            metricType: Value
            metadata:
              serverAddress: http://prometheus:9090
              query: sum(orders_pending)
              threshold: "10"
            authenticationRef:
              name: prom-auth
              kind: ClusterTriggerAuthentication
          - type: kafka
            name: lag
            metadata: {}
        status:
          scaleTargetKind: apps/v1.StatefulSet
          scaleTargetGVKR:
            group: apps
            version: v1
            kind: StatefulSet
            resource: statefulsets
          originalReplicaCount: 3
          lastActiveTime: "2026-01-02T03:05:00Z"
          externalMetricNames:
          - s0-prometheus
          - s1-kafka-orders
          resourceMetricNames:
          - cpu
          compositeScalerName: composite-metric
          hpaName: orders-hpa
          pausedReplicaCount: 2
          triggersTypes: prometheus,kafka
          authenticationsTypes: prom-auth
          conditions:
          - type: Ready
            status: "True"
            reason: ScaledObjectReady
            message: ScaledObject is defined correctly and is ready for scaling
          - type: Active
            status: Unknown
          health:
            s0-prometheus:
              numberOfFailures: 0
              status: Happy
          triggersActivity:
            s0-prometheus:
              isActive: true
        """;

    private const string FullScaledJob = """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledJob
        metadata:
          name: reports
          namespace: shop
        spec:
          jobTargetRef:
            parallelism: 1
            completions: 1
            activeDeadlineSeconds: 600
            backoffLimit: 6
            template:
              spec:
                restartPolicy: Never
                containers:
                - name: report
                  image: example/report:1.0
                  resources:
                    requests:
                      cpu: 500m
                      memory: 128Mi
          pollingInterval: 10
          successfulJobsHistoryLimit: 5
          failedJobsHistoryLimit: 5
          envSourceContainerName: report
          minReplicaCount: 0
          maxReplicaCount: 100
          rolloutStrategy: gradual
          rollout:
            strategy: gradual
            propagationPolicy: foreground
          scalingStrategy:
            strategy: custom
            customScalingQueueLengthDeduction: 1
            customScalingRunningJobPercentage: "0.5"
            pendingPodConditions:
            - Ready
            - PodScheduled
            multipleScalersCalculation: max
          triggers:
          - type: azure-servicebus
            metadata:
              queueName: reports
              messageCount: "5"
            authenticationRef:
              name: sb-auth
        status:
          lastActiveTime: "2026-01-02T03:05:00Z"
          isPaused: "false"
          triggersTypes: azure-servicebus
          authenticationsTypes: sb-auth
          conditions:
          - type: Ready
            status: "True"
            reason: ScaledJobReady
            message: ScaledJob is defined correctly and is ready to scaling
        """;

    private const string FullTriggerAuthentication = """
        apiVersion: keda.sh/v1alpha1
        kind: TriggerAuthentication
        metadata:
          name: all-sources
          namespace: shop
        spec:
          podIdentity:
            provider: azure-workload
            identityId: 00000000-0000-0000-0000-000000000001
            identityTenantId: 00000000-0000-0000-0000-000000000002
            identityAuthorityHost: https://login.microsoftonline.com/
            roleArn: arn:aws:iam::123456789012:role/keda
            identityOwner: workload
          secretTargetRef:
          - parameter: connection
            name: sb-secret
            key: connectionString
          env:
          - parameter: region
            name: AWS_REGION
            containerName: worker
          - parameter: host
            name: HOST
          configMapTargetRef:
          - parameter: topic
            name: kafka-config
            key: topic
          boundServiceAccountToken:
          - parameter: bearerToken
            serviceAccountName: prometheus-reader
          hashiCorpVault:
            address: https://vault:8200
            authentication: kubernetes
            role: keda
            mount: kubernetes
            credential:
              serviceAccount: /var/run/secrets/kubernetes.io/serviceaccount/token
            secrets:
            - parameter: password
              key: password
              path: secret/data/db
              type: secretV2
              pkiData:
                commonName: keda.local
                ttl: 1h
          azureKeyVault:
            vaultUri: https://vault.vault.azure.net
            credentials:
              clientId: id
              tenantId: tenant
              clientSecret:
                valueFrom:
                  secretKeyRef:
                    name: kv
                    key: secret
            cloud:
              type: AzurePublicCloud
            secrets:
            - parameter: connection
              name: sb-connection
              version: "1"
          gcpSecretManager:
            secrets:
            - parameter: creds
              id: my-secret
              version: latest
            podIdentity:
              provider: gcp
          awsSecretManager:
            region: eu-west-1
            secrets:
            - parameter: password
              name: db
              versionStage: AWSCURRENT
            credentials:
              accessKey:
                valueFrom:
                  secretKeyRef:
                    name: aws
                    key: id
              accessSecretKey:
                valueFrom:
                  secretKeyRef:
                    name: aws
                    key: secret
        status:
          scaledobjects: orders,payments
          scaledjobs: reports
        """;

    private const string MinimalClusterTriggerAuthentication = """
        apiVersion: keda.sh/v1alpha1
        kind: ClusterTriggerAuthentication
        metadata:
          name: cluster-wide
        spec:
          podIdentity:
            provider: aws
            roleArn: arn:aws:iam::123456789012:role/keda
        """;

    private const string MinimalScaledObject = """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata:
          name: minimal
        spec:
          scaleTargetRef:
            name: app
          triggers:
          - type: cron
            metadata:
              timezone: UTC
              start: 0 8 * * *
              end: 0 18 * * *
              desiredReplicas: "3"
        """;

    [Fact]
    public void RoundTrip_FullScaledObject_IsLossless() => AssertRoundTrip<ScaledObject>(FullScaledObject);

    [Fact]
    public void RoundTrip_MinimalScaledObject_OmitsUnsetFields() => AssertRoundTrip<ScaledObject>(MinimalScaledObject);

    [Fact]
    public void RoundTrip_FullScaledJob_IsLossless() => AssertRoundTrip<ScaledJob>(FullScaledJob);

    [Fact]
    public void RoundTrip_FullTriggerAuthentication_KeepsSecretStoresVerbatim() =>
        AssertRoundTrip<TriggerAuthentication>(FullTriggerAuthentication);

    [Fact]
    public void RoundTrip_ClusterTriggerAuthentication_IsLossless() =>
        AssertRoundTrip<ClusterTriggerAuthentication>(MinimalClusterTriggerAuthentication);

    [Fact]
    public void RoundTrip_ScaledObjectList_IsLossless()
    {
        var item = YamlToJson.Convert(MinimalScaledObject)!.ToJsonString();
        var list = $$"""{"apiVersion":"keda.sh/v1alpha1","kind":"ScaledObjectList","metadata":{"resourceVersion":"42"},"items":[{{item}}]}""";

        var parsed = KedaJson.Deserialize<ScaledObjectList>(list)!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(list), JsonNode.Parse(KedaJson.Serialize(parsed))));
    }

    [Fact]
    public void Deserialize_FullScaledJob_ReadsTypedFields()
    {
        var json = YamlToJson.Convert(FullScaledJob)!.ToJsonString();

        var job = KedaJson.Deserialize<ScaledJob>(json)!;

        Assert.Equal("report", job.Spec.JobTargetRef!.Template.Spec.Containers[0].Name);
        Assert.Equal("0.5", job.Spec.ScalingStrategy!.CustomScalingRunningJobPercentage);
        Assert.Equal("false", job.Status!.Paused);
        Assert.Equal(new DateTime(2026, 1, 2, 3, 5, 0, DateTimeKind.Utc), job.Status.LastActiveTime);
    }

    [Fact]
    public void Serialize_NewScaledObject_WritesKindAndApiVersion()
    {
        var json = JsonNode.Parse(KedaJson.Serialize(new ScaledObject()))!;

        Assert.Equal("keda.sh/v1alpha1", (string?)json["apiVersion"]);
        Assert.Equal("ScaledObject", (string?)json["kind"]);
        Assert.Null(json["status"]);
    }

    private static void AssertRoundTrip<T>(string yaml)
    {
        var input = YamlToJson.Convert(yaml)!;

        var parsed = KedaJson.Deserialize<T>(input.ToJsonString());
        var output = JsonNode.Parse(KedaJson.Serialize(parsed));

        Assert.True(JsonNode.DeepEquals(input, output), $"expected\n{input.ToJsonString()}\nactual\n{output?.ToJsonString()}");
    }
}
