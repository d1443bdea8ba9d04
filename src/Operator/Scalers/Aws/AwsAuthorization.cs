namespace Operator.Scalers.Aws;

/// <summary>
/// Which AWS credentials a trigger uses (KEDA's <c>awsutils.GetAwsAuthorization</c>): pod identity <c>aws</c>, a role
/// ARN, or an access key pair from the TriggerAuthentication or the container environment. Holds secrets: never log it.
/// </summary>
public sealed record AwsAuthorization
{
    public string Region { get; init; } = "";

    public bool UsingPodIdentity { get; init; }

    public bool PodIdentityOwner { get; init; }

    public string RoleArn { get; init; } = "";

    public string AccessKeyId { get; init; } = "";

    public string SecretAccessKey { get; init; } = "";

    public string SessionToken { get; init; } = "";

    /// <summary>Resolves the credentials the way KEDA does; the error texts are KEDA's.</summary>
    public static (AwsAuthorization? Authorization, string? Error) Resolve(string region, ScalerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var auth = config.AuthParams;
        var metadata = config.TriggerMetadata;
        var result = new AwsAuthorization { Region = region };
        if (config.PodIdentity.Provider == "aws")
        {
            var workloadOwner = config.PodIdentity.IdentityOwner is null or "workload";
            return (result with
            {
                UsingPodIdentity = workloadOwner,
                RoleArn = workloadOwner ? auth.GetValueOrDefault("awsRoleArn", "") : "",
            }, null);
        }

        var identityOwner = metadata.GetValueOrDefault("identityOwner", "");
        if (identityOwner is not ("" or "pod"))
        {
            // "operator" (or anything else) uses the operator's own credentials.
            return (result, null);
        }

        result = result with { PodIdentityOwner = true };
        var keyId = Value(auth, "awsAccessKeyID") is { Length: > 0 } id ? id : Value(auth, "awsAccessKeyId");
        if (Value(auth, "awsRoleArn") is { Length: > 0 } roleArn)
        {
            return (result with { RoleArn = roleArn }, null);
        }

        if (keyId.Length > 0 && Value(auth, "awsSecretAccessKey").Length > 0)
        {
            return (result with
            {
                AccessKeyId = keyId,
                SecretAccessKey = auth["awsSecretAccessKey"],
                SessionToken = Value(auth, "awsSessionToken"),
            }, null);
        }

        var fromMetadata = Value(metadata, "awsAccessKeyID") is { Length: > 0 } direct
            ? direct
            : Env(config, "awsAccessKeyIDFromEnv");
        if (fromMetadata.Length == 0)
        {
            return (null, "awsAccessKeyID not found");
        }

        var secret = Env(config, "awsSecretAccessKeyFromEnv");
        return secret.Length == 0
            ? (null, "awsSecretAccessKey not found")
            : (result with { AccessKeyId = fromMetadata, SecretAccessKey = secret }, null);
    }

    private static string Value(IReadOnlyDictionary<string, string> map, string key) => map.GetValueOrDefault(key, "");

    private static string Env(ScalerConfig config, string fromEnvKey) =>
        Value(config.TriggerMetadata, fromEnvKey) is { Length: > 0 } envName ? Value(config.ResolvedEnv, envName) : "";
}
