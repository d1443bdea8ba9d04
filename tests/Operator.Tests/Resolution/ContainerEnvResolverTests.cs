using Operator.Resolution;

namespace Operator.Tests.Resolution;

public sealed class ContainerEnvResolverTests
{
    private const string Objects = """
        apiVersion: v1
        kind: Secret
        metadata: {name: creds, namespace: ns}
        stringData: {password: s3cr3t, user: admin}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: ns}
        data: {host: broker:9092, topic: orders}
        ---
        """;

    private static EnvResolution Resolve(string containers, string? containerName = null)
    {
        var set = Manifests.Read(Objects + "\n" + """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: app, namespace: ns}
            spec:
              selector: {matchLabels: {app: app}}
              template:
                spec:
                  containers:

            """ + containers);
        return ContainerEnvResolver.Resolve(set, set.FindDeployment("ns", "app")!.Spec.Template.Spec, containerName, "ns");
    }

    [Fact]
    public void Resolve_PlainValuesAndReferences_AllResolved()
    {
        var env = Resolve("""
                  - name: app
                    image: i
                    env:
                    - {name: PLAIN, value: hello}
                    - {name: PASSWORD, valueFrom: {secretKeyRef: {name: creds, key: password}}}
                    - {name: HOST, valueFrom: {configMapKeyRef: {name: settings, key: host}}}
                    - {name: POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
            """);

        Assert.Null(env.Error);
        Assert.Equal("hello", env.Env["PLAIN"]);
        Assert.Equal("s3cr3t", env.Env["PASSWORD"]);
        Assert.Equal("broker:9092", env.Env["HOST"]);
        Assert.False(env.Env.ContainsKey("POD"));
        Assert.Contains("s3cr3t", env.SensitiveValues);
    }

    [Fact]
    public void Resolve_EnvFromWithPrefix_PrefixesKeys()
    {
        var env = Resolve("""
                  - name: app
                    image: i
                    envFrom:
                    - {prefix: CM_, configMapRef: {name: settings}}
                    - {secretRef: {name: creds}}
            """);

        Assert.Null(env.Error);
        Assert.Equal("orders", env.Env["CM_topic"]);
        Assert.Equal("admin", env.Env["user"]);
    }

    [Fact]
    public void Resolve_DependentVariable_Expanded()
    {
        var env = Resolve("""
                  - name: app
                    image: i
                    env:
                    - {name: HOST, value: broker}
                    - {name: URL, value: "http://$(HOST):80/$(MISSING)"}
            """);

        Assert.Equal("http://broker:80/$(MISSING)", env.Env["URL"]);
    }

    [Fact]
    public void Resolve_MissingSecret_FailsLikeKeda()
    {
        var env = Resolve("""
                  - name: app
                    image: i
                    env:
                    - {name: PASSWORD, valueFrom: {secretKeyRef: {name: absent, key: password}}}
            """);

        Assert.Equal(
            "error resolving secret name absent for env PASSWORD in namespace ns: secrets \"absent\" not found",
            env.Error);
    }

    [Fact]
    public void Resolve_MissingOptionalConfigMap_Skipped()
    {
        var env = Resolve("""
                  - name: app
                    image: i
                    env:
                    - {name: HOST, valueFrom: {configMapKeyRef: {name: absent, key: host, optional: true}}}
                    envFrom:
                    - {configMapRef: {name: absent, optional: true}}
            """);

        Assert.Null(env.Error);
        Assert.Empty(env.Env);
    }

    [Fact]
    public void Resolve_NamedContainerMissing_FailsLikeKeda()
    {
        var env = Resolve("""
                  - {name: app, image: i}
            """, containerName: "sidecar");

        Assert.Equal("couldn't find container with name sidecar on Target object", env.Error);
    }

    [Fact]
    public void Resolve_NoContainerName_UsesFirstContainer()
    {
        var env = Resolve("""
                  - {name: first, image: i, env: [{name: WHO, value: first}]}
                  - {name: second, image: i, env: [{name: WHO, value: second}]}
            """);

        Assert.Equal("first", env.Env["WHO"]);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("$$(HOST)", "$(HOST)")]
    [InlineData("$(HOST)", "broker")]
    [InlineData("a$(HOST", "a$(HOST")]
    [InlineData("$(H)", "$(H)")]
    [InlineData("x$y", "x$y")]
    public void Expand_FollowsKedaRules(string value, string expected)
    {
        var env = new Dictionary<string, string> { ["HOST"] = "broker" };

        Assert.Equal(expected, EnvValueExpander.Expand(value, env));
    }
}
