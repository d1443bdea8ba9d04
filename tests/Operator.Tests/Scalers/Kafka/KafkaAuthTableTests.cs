using Operator.Scalers.Kafka;

namespace Operator.Tests.Scalers.Kafka;

// KEDA kafka_scaler_test.go: parseKafkaAuthParamsTestDataset, parseAuthParamsTestDataset and the OAuth table.
public sealed class KafkaAuthTableTests
{
    private const string Valid = "bootstrapServers=broker1:9092,broker2:9092|consumerGroup=my-group|topic=my-topic|allowIdleConsumers=false";
    private const string Full = "bootstrapServers=foobar:9092|consumerGroup=my-group|topic=my-topic|allowIdleConsumers=true|version=1.0.0";
    private const string Gssapi = "sasl=gssapi|username=admin|kerberosConfig=<config>|realm=tst.com";
    private const string Tls = "tls=enable|ca=caaa|cert=ceert|key=keey";

    [Theory]
    [InlineData("sasl=plaintext|username=admin|password=admin", false, false)]
    [InlineData("sasl=scram_sha256|username=admin|password=admin", false, false)]
    [InlineData("sasl=scram_sha512|username=admin|password=admin", false, false)]
    [InlineData(Tls, false, true)]
    [InlineData("tls=enable|cert=ceert|key=keey", false, true)]
    [InlineData("tls=enable|cert=ceert|key=keey|keyPassword=keeyPassword", false, true)]
    [InlineData("tls=enable|ca=caaa", false, true)]
    [InlineData("sasl=plaintext|username=admin|password=admin|" + Tls, false, true)]
    [InlineData("sasl=plaintext|username=admin|password=admin|tls=disable", false, false)]
    [InlineData("sasl=oauthbearer|username=admin|password=admin|scopes=scope|oauthTokenEndpointUri=https://website.com|tls=disable", false, false)]
    [InlineData(Gssapi + "|password=admin", false, false)]
    [InlineData(Gssapi + "|keytab=/path/to/keytab", false, false)]
    [InlineData(Gssapi + "|password=admin|" + Tls, false, true)]
    [InlineData(Gssapi + "|keytab=/path/to/keytab|" + Tls, false, true)]
    [InlineData(Gssapi + "|keytab=/path/to/keytab|kerberosServiceName=srckafka", false, false)]
    [InlineData("sasl=foo|username=admin|password=admin|scopes=scope|oauthTokenEndpointUri=https://website.com|tls=disable", true, false)]
    [InlineData("sasl=oauthbearer|username=admin|password=admin|oauthTokenEndpointUri=https://website.com|tls=disable", false, false)]
    [InlineData("sasl=oauthbearer|username=admin|password=admin|scopes=scope|oauthTokenEndpointUri=|tls=disable", true, false)]
    [InlineData("sasl=foo|username=admin|password=admin", true, false)]
    [InlineData("sasl=plaintext|password=admin", true, false)]
    [InlineData("sasl=plaintext|username=admin", true, false)]
    [InlineData("tls=enable|ca=caaa|key=keey", true, false)]
    [InlineData("tls=enable|ca=caaa|cert=ceert", true, false)]
    [InlineData("tls=yes|ca=caaa|cert=ceert|key=keey", true, false)]
    [InlineData("sasl=foo|username=admin|password=admin|" + Tls, true, false)]
    [InlineData("sasl=plaintext|username=admin|password=admin|tls=foo|ca=caaa|cert=ceert|key=keey", true, false)]
    [InlineData("sasl=plaintext|password=admin|" + Tls, true, false)]
    [InlineData("sasl=plaintext|username=admin|" + Tls, true, false)]
    [InlineData("sasl=plaintext|username=admin|password=admin|tls=enable|ca=caaa|key=keey", true, false)]
    [InlineData("sasl=plaintext|username=admin|password=admin|tls=enable|ca=caaa|cert=ceert", true, false)]
    [InlineData(Gssapi, true, false)]
    [InlineData(Gssapi + "|password=admin|keytab=/path/to/keytab", true, false)]
    [InlineData("sasl=gssapi|username=admin|password=admin|kerberosConfig=<config>|" + Tls, true, false)]
    [InlineData("sasl=gssapi|keytab=/path/to/keytab|kerberosConfig=<config>|realm=tst.com|" + Tls, true, false)]
    [InlineData(Gssapi + "|keytab=/path/to/keytab|kerberosDisableFAST=true", false, false)]
    [InlineData(Gssapi + "|keytab=/path/to/keytab|kerberosDisableFAST=notabool", true, false)]
    [InlineData("sasl=none", false, false)]
    public void Build_AuthParamsInTriggerAuthentication(string authParams, bool isError, bool enableTls)
    {
        var result = KafkaTestConfigs.Build(Valid, authParams);

        Assert.Equal(isError, !result.IsSuccess);
        if (!isError)
        {
            Assert.Equal(enableTls, ((KafkaScaler)result.Scaler!).Metadata.EnableTls);
        }
    }

    [Theory]
    [InlineData("sasl=plaintext", "username=admin|password=admin", false, false)]
    [InlineData("sasl=scram_sha256", "username=admin|password=admin", false, false)]
    [InlineData("tls=enable", "ca=caaa|cert=ceert|key=keey", false, true)]
    [InlineData("tls=enable|unsafeSsl=true", "ca=caaa", false, true)]
    [InlineData("sasl=plaintext|tls=enable", "username=admin|password=admin|ca=caaa|cert=ceert|key=keey", false, true)]
    [InlineData("sasl=oauthbearer|tls=disable", "username=admin|password=admin|scopes=scope|oauthTokenEndpointUri=https://website.com", false, false)]
    [InlineData("sasl=gssapi|tls=disable", "username=admin|keytab=/path/to/keytab|kerberosConfig=<config>|realm=test.com|ca=caaa|cert=ceert|key=keey", false, false)]
    [InlineData("sasl=foo|tls=disable", "username=admin|password=admin", true, false)]
    [InlineData("tls=random", "ca=caaa|cert=ceert|key=keey", true, false)]
    [InlineData("sasl=plaintext|tls=enable", "username=admin|ca=caaa|cert=ceert|key=keey", true, false)]
    [InlineData("sasl=gssapi", "username=admin|realm=test.com", true, false)]
    [InlineData("sasl=gssapi|tls=enable", "username=admin|realm=test.com|keytab=/path/to/keytab|ca=caaa|cert=ceert|key=keey", true, false)]
    [InlineData("", "sasl=plaintext\n|username=admin|password=admin", false, false)]
    [InlineData("", "sasl=scram_sha512 |username=admin|password=admin", false, false)]
    [InlineData("sasl=none", "", false, false)]
    // Typed-config KEDA: a value in the trigger wins over the TriggerAuthentication (older KEDA refused both).
    [InlineData("sasl=scram_sha512", "sasl=scram_sha512|username=admin|password=admin", false, false)]
    [InlineData("tls=enable", "tls=enable|ca=caaa|cert=ceert|key=keey", false, true)]
    public void Build_AuthSettingsInScaledObject(string metadata, string authParams, bool isError, bool enableTls)
    {
        var result = KafkaTestConfigs.Build(metadata.Length == 0 ? Full : Full + "|" + metadata, authParams);

        Assert.Equal(isError, !result.IsSuccess);
        if (!isError)
        {
            Assert.Equal(enableTls, ((KafkaScaler)result.Scaler!).Metadata.EnableTls);
        }
    }

    [Theory]
    [InlineData("", "sasl=oauthbearer|username=admin|password=admin|scopes=scope|oauthTokenEndpointUri=https://website.com|tls=disable", false)]
    [InlineData("", "sasl=oauthbearer|saslTokenProvider=bearer|username=admin|password=admin|scopes=scope|oauthTokenEndpointUri=https://website.com", false)]
    [InlineData("", "sasl=oauthbearer|username=admin|password=admin|scopes=scope1, scope2|oauthTokenEndpointUri=https://website.com", false)]
    [InlineData("", "sasl=oauthbearer|username=admin|password=admin|scopes=scope|oauthTokenEndpointUri=https://website.com|oauthExtensions=extension_foo=bar,extension_baz=baz", false)]
    [InlineData("", "sasl=oauthbearer|username=admin|password=admin|scopes=scope|oauthTokenEndpointUri=https://website.com|oauthExtensions=extension_foo=bar,extension_bazbaz", true)]
    [InlineData("awsRegion=eu-west-1", "sasl=oauthbearer|saslTokenProvider=aws_msk_iam|tls=enable|awsAccessKeyID=none|awsSecretAccessKey=none", false)]
    [InlineData("awsRegion=eu-west-1", "sasl=oauthbearer|saslTokenProvider=aws_msk_iam|tls=enable|awsRoleArn=none", false)]
    [InlineData("", "sasl=oauthbearer|saslTokenProvider=aws_msk_iam|tls=disable", true)]
    [InlineData("", "sasl=oauthbearer|saslTokenProvider=aws_msk_iam|tls=enable|awsRegion=", true)]
    [InlineData("awsRegion=eu-west-1", "sasl=oauthbearer|saslTokenProvider=aws_msk_iam|tls=enable", true)]
    public void Build_OAuthBearer(string metadata, string authParams, bool isError)
    {
        var result = KafkaTestConfigs.Build(metadata.Length == 0 ? Valid : Valid + "|" + metadata, authParams);

        Assert.Equal(isError, !result.IsSuccess);
    }

    [Fact]
    public void Build_OAuthBearer_ParsesScopesAndExtensions()
    {
        var meta = ((KafkaScaler)KafkaTestConfigs.Build(
            Valid,
            "sasl=oauthbearer|username=a|password=b|scopes=s1,s2|oauthTokenEndpointUri=https://idp|oauthExtensions=k1=v1,k2=v2").Scaler!).Metadata;

        Assert.Equal("bearer", meta.TokenProvider);
        Assert.Equal(["s1", "s2"], meta.Scopes);
        Assert.Equal("v2", meta.OAuthExtensions["k2"]);
    }

    [Fact]
    public void Build_MskWithoutCredentials_ReportsAwsError()
    {
        var result = KafkaTestConfigs.Build(Valid + "|awsRegion=eu-west-1", "sasl=oauthbearer|saslTokenProvider=aws_msk_iam|tls=enable");

        Assert.Equal(["error parsing kafka metadata: error getting AWS authorization: awsAccessKeyID not found"], result.Errors);
    }

    [Fact]
    public void Build_MskWithAwsPodIdentity_NeedsNoKeys()
    {
        var result = KafkaTestConfigs.Build(
            Valid + "|awsRegion=eu-west-1", "sasl=oauthbearer|saslTokenProvider=aws_msk_iam|tls=enable", podIdentity: new Operator.Scalers.PodIdentity("aws"));

        Assert.True(result.IsSuccess, string.Join('\n', result.Errors));
        Assert.True(((KafkaScaler)result.Scaler!).AwsAuthorization!.UsingPodIdentity);
    }

    [Fact]
    public void Build_PlaintextWithoutPassword_SaysSo()
    {
        Assert.Equal(
            ["error parsing kafka metadata: error parsing kafka metadata: no password given"],
            KafkaTestConfigs.Build(Valid, "sasl=plaintext|username=admin").Errors);
    }
}
