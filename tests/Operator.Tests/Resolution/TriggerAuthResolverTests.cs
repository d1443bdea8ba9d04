using Operator.Api;
using Operator.Resolution;

namespace Operator.Tests.Resolution;

public sealed class TriggerAuthResolverTests
{
    private const string Objects = """
        apiVersion: v1
        kind: Secret
        metadata: {name: creds, namespace: ns}
        stringData: {token: t0k3n-value}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: shared, namespace: keda}
        stringData: {token: cluster-token}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: ns}
        data: {tenant: tenant-1}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: app, namespace: ns}
        spec:
          selector: {matchLabels: {app: app}}
          template:
            spec:
              containers:
              - {name: app, image: i, env: [{name: CONN, value: "Endpoint=sb://x"}]}
        ---
        apiVersion: keda.sh/v1alpha1
        kind: TriggerAuthentication
        metadata: {name: full, namespace: ns}
        spec:
          secretTargetRef: [{parameter: bearerToken, name: creds, key: token}]
          configMapTargetRef: [{parameter: tenant, name: settings, key: tenant}]
          env: [{parameter: connection, name: CONN}]
          podIdentity: {provider: azure-workload, identityId: 11111111-2222-3333-4444-555555555555}
        ---
        apiVersion: keda.sh/v1alpha1
        kind: ClusterTriggerAuthentication
        metadata: {name: cluster}
        spec:
          secretTargetRef: [{parameter: bearerToken, name: shared, key: token}]
        ---
        """;

    private static AuthResolution Resolve(string extra, string name, string? kind = null)
    {
        var set = Manifests.Read(Objects + "\n" + extra);
        var podSpec = set.FindDeployment("ns", "app")!.Spec.Template.Spec;
        return new TriggerAuthResolver(set, "keda").Resolve(new AuthenticationRef { Name = name, Kind = kind }, podSpec, "ns");
    }

    [Fact]
    public void Resolve_TriggerAuthentication_ResolvesSecretsConfigMapsEnvAndPodIdentity()
    {
        var auth = Resolve("", "full");

        Assert.Empty(auth.Errors);
        Assert.Equal("t0k3n-value", auth.AuthParams["bearerToken"]);
        Assert.Equal("tenant-1", auth.AuthParams["tenant"]);
        Assert.Equal("Endpoint=sb://x", auth.AuthParams["connection"]);
        Assert.Equal("azure-workload", auth.PodIdentity.Provider);
        Assert.Equal("11111111-2222-3333-4444-555555555555", auth.PodIdentity.IdentityId);
        Assert.Contains("t0k3n-value", auth.SensitiveValues);
    }

    [Fact]
    public void Resolve_ClusterTriggerAuthentication_ReadsSecretsFromClusterObjectNamespace()
    {
        var auth = Resolve("", "cluster", "ClusterTriggerAuthentication");

        Assert.Empty(auth.Errors);
        Assert.Equal("cluster-token", auth.AuthParams["bearerToken"]);
    }

    [Fact]
    public void Resolve_MissingTriggerAuthentication_IsAnError()
    {
        var auth = Resolve("", "absent");

        Assert.Contains("triggerauthentications.keda.sh \"absent\" not found", Assert.Single(auth.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_MissingClusterTriggerAuthentication_IsAnError()
    {
        var auth = Resolve("", "absent", "ClusterTriggerAuthentication");

        Assert.Contains("clustertriggerauthentications.keda.sh \"absent\" not found", Assert.Single(auth.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_UnknownKind_IsKedasError()
    {
        var auth = Resolve("", "full", "SecretStore");

        Assert.Equal("unknown trigger auth kind SecretStore", Assert.Single(auth.Errors));
    }

    [Fact]
    public void Resolve_MissingSecret_IsAnErrorWithoutValues()
    {
        var auth = Resolve("""
            apiVersion: keda.sh/v1alpha1
            kind: TriggerAuthentication
            metadata: {name: broken, namespace: ns}
            spec: {secretTargetRef: [{parameter: password, name: nope, key: password}]}
            """, "broken");

        Assert.Contains("secrets \"nope\" not found", Assert.Single(auth.Errors), StringComparison.Ordinal);
        Assert.Equal("", auth.AuthParams["password"]);
    }

    [Fact]
    public void Resolve_MissingSecretKey_IsAWarningAndAnEmptyParameter()
    {
        var auth = Resolve("""
            apiVersion: keda.sh/v1alpha1
            kind: TriggerAuthentication
            metadata: {name: nokey, namespace: ns}
            spec: {secretTargetRef: [{parameter: password, name: creds, key: password}]}
            """, "nokey");

        Assert.Empty(auth.Errors);
        Assert.Contains("has no key password", Assert.Single(auth.Warnings), StringComparison.Ordinal);
        Assert.Equal("", auth.AuthParams["password"]);
    }

    [Fact]
    public void Resolve_MissingConfigMap_IsAnError()
    {
        var auth = Resolve("""
            apiVersion: keda.sh/v1alpha1
            kind: TriggerAuthentication
            metadata: {name: nocm, namespace: ns}
            spec: {configMapTargetRef: [{parameter: host, name: nope, key: host}]}
            """, "nocm");

        Assert.Contains("configmaps \"nope\" not found", Assert.Single(auth.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_AzureWorkloadWithEmptyIdentityId_IsKedasError()
    {
        var auth = Resolve("""
            apiVersion: keda.sh/v1alpha1
            kind: TriggerAuthentication
            metadata: {name: empty-id, namespace: ns}
            spec: {podIdentity: {provider: azure-workload, identityId: ""}}
            """, "empty-id");

        Assert.Contains("IdentityID of PodIdentity should not be empty", auth.Errors);
    }

    [Fact]
    public void Resolve_AwsRoleArnWithWorkloadOwner_IsKedasError()
    {
        var auth = Resolve("""
            apiVersion: keda.sh/v1alpha1
            kind: TriggerAuthentication
            metadata: {name: aws, namespace: ns}
            spec: {podIdentity: {provider: aws, roleArn: "arn:aws:iam::1:role/r", identityOwner: workload}}
            """, "aws");

        Assert.Contains("roleArn can't be set if KEDA isn't identity owner, current value: 'workload'", auth.Errors);
    }

    [Fact]
    public void Resolve_AwsRoleArn_BecomesAwsRoleArnParameter()
    {
        var auth = Resolve("""
            apiVersion: keda.sh/v1alpha1
            kind: TriggerAuthentication
            metadata: {name: aws, namespace: ns}
            spec: {podIdentity: {provider: aws, roleArn: "arn:aws:iam::1:role/r"}}
            """, "aws");

        Assert.Empty(auth.Errors);
        Assert.Equal("arn:aws:iam::1:role/r", auth.AuthParams["awsRoleArn"]);
        Assert.Equal("aws", auth.PodIdentity.Provider);
    }

    [Fact]
    public void Resolve_NoAuthenticationRef_ResolvesToNothing()
    {
        var set = Manifests.Read(Objects);

        var auth = new TriggerAuthResolver(set, "keda").Resolve(null, null, "ns");

        Assert.Empty(auth.AuthParams);
        Assert.True(auth.PodIdentity.IsNone);
    }
}
