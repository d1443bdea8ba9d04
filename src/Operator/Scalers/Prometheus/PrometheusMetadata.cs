using Operator.Scalers.Config;

namespace Operator.Scalers.Prometheus;

/// <summary>Trigger metadata of the <c>prometheus</c> scaler, tagged exactly like KEDA's <c>prometheusMetadata</c>.</summary>
internal sealed class PrometheusMetadata
{
    [Keda("optional")]
    public PrometheusAuthConfig? PrometheusAuth { get; set; }

    [Keda("name=serverAddress, order=triggerMetadata")]
    public string ServerAddress { get; set; } = "";

    [Keda("name=query, order=triggerMetadata")]
    public string Query { get; set; } = "";

    [Keda("name=queryParameters, order=triggerMetadata, optional")]
    public Dictionary<string, string>? QueryParameters { get; set; }

    [Keda("name=threshold, order=triggerMetadata")]
    public double Threshold { get; set; }

    [Keda("name=activationThreshold, order=triggerMetadata, optional")]
    public double ActivationThreshold { get; set; }

    [Keda("name=namespace, order=triggerMetadata, optional")]
    public string Namespace { get; set; } = "";

    [Keda("name=customHeaders, order=triggerMetadata, optional")]
    public Dictionary<string, string>? CustomHeaders { get; set; }

    [Keda("name=ignoreNullValues, order=triggerMetadata, default=true")]
    public bool IgnoreNullValues { get; set; }

    [Keda("name=unsafeSsl, order=triggerMetadata, optional")]
    public bool UnsafeSsl { get; set; }

    [Keda("name=awsRegion, order=triggerMetadata;authParams, optional")]
    public string AwsRegion { get; set; } = "";

    [Keda("name=timeout, order=triggerMetadata, optional")]
    public TimeSpan Timeout { get; set; }

    [Keda("name=identityOwner, order=triggerMetadata, optional")]
    public string IdentityOwner { get; set; } = "";

    [Keda("name=authModes, order=triggerMetadata, optional")]
    public string AuthModes { get; set; } = "";
}
