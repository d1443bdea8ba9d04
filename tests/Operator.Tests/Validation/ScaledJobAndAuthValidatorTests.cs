using System.Text.Json.Nodes;
using Operator.Api;
using Operator.Validation;

namespace Operator.Tests.Validation;

public sealed class ScaledJobAndAuthValidatorTests
{
    [Fact]
    public void ScaledJob_DuplicateTriggerNames_IsRejected()
    {
        var job = new ScaledJob { Spec = { Triggers = [new() { Type = "kafka", Name = "a" }, new() { Type = "cron", Name = "a" }] } };

        Assert.Equal(
            ["triggerName \"a\" is defined multiple times in the ScaledObject/ScaledJob, but it must be unique"],
            ScaledJobValidator.ValidateCreate(job).Errors);
    }

    [Fact]
    public void ScaledJob_RemovingLastFinalizer_SkipsValidation()
    {
        var old = new ScaledJob { Metadata = { Finalizers = ["finalizer.keda.sh"] } };
        var updated = new ScaledJob { Metadata = { Finalizers = [] } };

        Assert.True(ScaledJobValidator.ValidateUpdate(updated, old).IsValid);
        Assert.False(ScaledJobValidator.ValidateCreate(updated).IsValid);
    }

    [Theory]
    [InlineData("azure-workload", "", null, null, null, null, "identityId of PodIdentity should not be empty. If it's set, identityId has to be different than \"\"")]
    [InlineData("azure-workload", null, null, null, null, null, null)]
    [InlineData("azure-workload", "id", null, "https://login", null, null, "identityTenantID of PodIdentity should not be nil or empty when identityAuthorityHost of PodIdentity is set")]
    [InlineData("azure-workload", "id", "", null, null, null, "identityTenantId of PodIdentity should not be empty. If it's set, identityTenantId has to be different than \"\"")]
    [InlineData("azure-workload", "id", "tenant", "https://login", null, null, null)]
    [InlineData("aws", null, null, null, "arn", "workload", "roleArn of PodIdentity can't be set if KEDA isn't identityOwner")]
    [InlineData("aws", null, null, null, "arn", "keda", null)]
    [InlineData("gcp", "", null, null, null, null, null)]
    public void TriggerAuthentication_PodIdentity_MatchesKeda(
        string provider, string? id, string? tenant, string? authority, string? roleArn, string? owner, string? expected)
    {
        var spec = new TriggerAuthenticationSpec
        {
            PodIdentity = new AuthPodIdentity
            {
                Provider = provider,
                IdentityId = id,
                IdentityTenantId = tenant,
                IdentityAuthorityHost = authority,
                RoleArn = roleArn,
                IdentityOwner = owner,
            },
        };

        Assert.Equal(expected, TriggerAuthenticationValidator.Validate(spec).Errors.SingleOrDefault());
    }

    [Fact]
    public void TriggerAuthentication_AwsExternalIdWithoutRole_IsRejected()
    {
        var spec = new TriggerAuthenticationSpec { PodIdentity = new AuthPodIdentity { Provider = "aws", ExternalId = "ext" } };

        Assert.Equal(["externalID of PodIdentity requires roleArn to be set"], TriggerAuthenticationValidator.Validate(spec).Errors);
    }

    [Theory]
    [InlineData("""{"type":"password","clientId":"c","tokenUrl":"https://idp/token"}""", "oauth2.type must be 'clientCredentials', got 'password'")]
    [InlineData("""{"type":"clientCredentials","tokenUrl":"https://idp/token"}""", "oauth2.clientId is required when oauth2 is configured")]
    [InlineData("""{"type":"clientCredentials","clientId":"c"}""", "oauth2.tokenUrl is required when oauth2 is configured")]
    [InlineData("""{"type":"clientCredentials","clientId":"c","tokenUrl":"ftp://idp/token"}""", "oauth2.tokenUrl must be a valid http or https URL")]
    [InlineData("""{"type":"clientCredentials","clientId":"c","tokenUrl":"https://idp/token"}""", null)]
    public void TriggerAuthentication_OAuth2_MatchesKeda(string oauth2, string? expected)
    {
        var spec = new TriggerAuthenticationSpec { OAuth2 = JsonNode.Parse(oauth2)!.AsObject() };

        Assert.Equal(expected, TriggerAuthenticationValidator.Validate(spec).Errors.SingleOrDefault());
    }
}
