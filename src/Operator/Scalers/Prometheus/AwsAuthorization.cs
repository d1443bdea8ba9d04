namespace Operator.Scalers.Prometheus;

/// <summary>
/// Which AWS identity signs Amazon Managed Prometheus requests, decided like KEDA's <c>GetAwsAuthorization</c>:
/// pod identity <c>aws</c> or <c>identityOwner: operator</c> use the operator's own credentials (default chain,
/// optionally assuming <c>awsRoleArn</c>); otherwise static keys from the TriggerAuthentication or environment.
/// </summary>
internal sealed record AwsAuthorization
{
    public string? AccessKeyId { get; init; }

    public string? SecretAccessKey { get; init; }

    public string? SessionToken { get; init; }

    /// <summary>Use the operator's default credential chain (env, profile, web identity, container/instance roles).</summary>
    public bool UseDefaultChain { get; init; }

    public string? RoleArn { get; init; }

    public string? ExternalId { get; init; }

    // Keep the secret key and token out of ToString.
    public override string ToString() =>
        $"AwsAuthorization {{ AccessKeyId = {AccessKeyId}, UseDefaultChain = {UseDefaultChain}, RoleArn = {RoleArn} }}";

    /// <summary>
    /// The identity for <paramref name="config"/>, or null when the trigger carries no AWS credentials (KEDA then
    /// silently skips SigV4 signing, because every Prometheus trigger is probed for AWS settings).
    /// </summary>
    public static AwsAuthorization? From(ScalerConfig config)
    {
        var auth = config.AuthParams;
        var metadata = config.TriggerMetadata;
        var roleArn = NonEmpty(auth, "awsRoleArn");
        var externalId = roleArn is null ? null : NonEmpty(auth, "awsExternalId");

        if (config.PodIdentity.Provider == "aws")
        {
            return new AwsAuthorization { UseDefaultChain = true, RoleArn = roleArn, ExternalId = externalId };
        }

        // KEDA reads identityOwner raw (untrimmed); values other than "", "pod" behave like "operator".
        var owner = metadata.GetValueOrDefault("identityOwner", "");
        if (owner is not ("" or "pod"))
        {
            return new AwsAuthorization { UseDefaultChain = true, RoleArn = roleArn, ExternalId = externalId };
        }

        if (roleArn is not null)
        {
            return new AwsAuthorization { UseDefaultChain = true, RoleArn = roleArn, ExternalId = externalId };
        }

        var accessKey = NonEmpty(auth, "awsAccessKeyID") ?? NonEmpty(auth, "awsAccessKeyId");
        if (accessKey is not null)
        {
            var secret = NonEmpty(auth, "awsSecretAccessKey");
            return secret is null
                ? null
                : new AwsAuthorization { AccessKeyId = accessKey, SecretAccessKey = secret, SessionToken = NonEmpty(auth, "awsSessionToken") };
        }

        accessKey = NonEmpty(metadata, "awsAccessKeyID") ?? FromEnv(config, "awsAccessKeyIDFromEnv");
        var envSecret = FromEnv(config, "awsSecretAccessKeyFromEnv");
        return accessKey is null || envSecret is null
            ? null
            : new AwsAuthorization { AccessKeyId = accessKey, SecretAccessKey = envSecret };
    }

    private static string? NonEmpty(IReadOnlyDictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    private static string? FromEnv(ScalerConfig config, string metadataKey) =>
        NonEmpty(config.TriggerMetadata, metadataKey) is { } envName ? NonEmpty(config.ResolvedEnv, envName) : null;
}
