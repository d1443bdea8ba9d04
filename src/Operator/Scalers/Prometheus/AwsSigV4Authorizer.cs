using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Operator.Scalers.Aws;

namespace Operator.Scalers.Prometheus;

/// <summary>Signs each Amazon Managed Prometheus request with SigV4 (service <c>aps</c>), like KEDA's AMP round tripper.</summary>
internal sealed class AwsSigV4Authorizer : IPrometheusRequestAuthorizer
{
    private readonly AwsAuthorization _authorization;
    private readonly string? _externalId;
    private readonly string _region;
    private readonly TimeProvider _timeProvider;
    private readonly Func<CancellationToken, Task<AWSCredentials>> _defaultChain;
    private AWSCredentials? _credentials;

    public AwsSigV4Authorizer(
        AwsAuthorization authorization,
        string? externalId,
        string region,
        TimeProvider timeProvider,
        Func<CancellationToken, Task<AWSCredentials>>? defaultChain = null)
    {
        _authorization = authorization;
        _externalId = externalId;
        _region = region;
        _timeProvider = timeProvider;
        _defaultChain = defaultChain ?? ResolveDefaultChainAsync;
    }

    public async ValueTask<string?> AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        AwsSigningCredentials credentials;
        try
        {
            credentials = await GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AmazonClientException or AmazonServiceException or InvalidOperationException or IOException or HttpRequestException)
        {
            // SDK messages name the provider that failed; they do not carry key material.
            return $"error getting AWS credentials for SigV4 signing: {ex.Message}";
        }

        foreach (var (name, value) in AwsSigV4Signer.Sign(request.Method.Method, request.RequestUri!, credentials, _region, PrometheusDefaults.AwsService, _timeProvider.GetUtcNow()))
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return null;
    }

    private async Task<AwsSigningCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        if (_authorization.AccessKeyId.Length > 0)
        {
            var token = _authorization.SessionToken.Length > 0 ? _authorization.SessionToken : null;
            return new AwsSigningCredentials(_authorization.AccessKeyId, _authorization.SecretAccessKey, token);
        }

        // AWSCredentials instances cache and refresh temporary credentials themselves.
        if (_credentials is null)
        {
            var source = await _defaultChain(cancellationToken).ConfigureAwait(false);
            // Pod identity, identityOwner operator or a role ARN: the operator's own identity, optionally assuming the role.
            _credentials = _authorization.RoleArn.Length > 0
                ? new AssumeRoleAWSCredentials(source, _authorization.RoleArn, "keda-dotnet", new AssumeRoleAWSCredentialsOptions { ExternalId = _externalId })
                : source;
        }

        var immutable = await _credentials.GetCredentialsAsync().ConfigureAwait(false);
        return new AwsSigningCredentials(immutable.AccessKey, immutable.SecretKey, immutable.UseToken ? immutable.Token : null);
    }

    private static async Task<AWSCredentials> ResolveDefaultChainAsync(CancellationToken cancellationToken)
    {
        var resolver = new DefaultAWSCredentialsIdentityResolver();
        return await resolver.ResolveIdentityAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
