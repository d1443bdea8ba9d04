using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Text;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Operator.Scalers.Http;

namespace Operator.Scalers.Prometheus;

/// <summary>
/// KEDA's <c>prometheus</c> scaler: one instant query per poll, one value, metric <c>s&lt;index&gt;-prometheus</c>,
/// active when the value is above <c>activationThreshold</c>. Build with <see cref="Build"/>.
/// </summary>
internal sealed partial class PrometheusScaler : IScaler
{
    private readonly PrometheusSettings _settings;
    private readonly ScalerHttpClients _http;
    private readonly ScalerTlsSettings _tls;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _authHeaders;
    private readonly IPrometheusRequestAuthorizer? _authorizer;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    internal PrometheusScaler(
        PrometheusSettings settings,
        ScalerHttpClients http,
        ScalerTlsSettings tls,
        IReadOnlyList<KeyValuePair<string, string>> authHeaders,
        IPrometheusRequestAuthorizer? authorizer,
        TimeProvider timeProvider,
        ILogger logger)
    {
        _settings = settings;
        _http = http;
        _tls = tls;
        _authHeaders = authHeaders;
        _authorizer = authorizer;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    internal PrometheusSettings Settings => _settings;

    internal IPrometheusRequestAuthorizer? Authorizer => _authorizer;

    internal ScalerTlsSettings Tls => _tls;

    // KEDA's GetMetricTargetMili: the threshold goes through "%.3f" into a quantity.
    public IReadOnlyList<V2MetricSpec> GetMetricSpecs() =>
        [MetricTargets.External(_settings.MetricName, MetricTargets.TargetMilli(_settings.MetricTargetType, _settings.Threshold))];

    public async ValueTask<ScalerResult> GetMetricsAndActivityAsync(string metricName, CancellationToken cancellationToken)
    {
        var (value, error) = await QueryAsync(cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            PrometheusLog.QueryFailed(_logger, _settings.MetricName, error);
            return ScalerResult.Failure(error);
        }

        return ScalerResult.Success(new MetricValue(metricName, value), value > _settings.ActivationThreshold);
    }

    /// <summary>KEDA's <c>ExecutePromQuery</c>: the value, or an error text free of secrets.</summary>
    internal async ValueTask<(double Value, string? Error)> QueryAsync(CancellationToken cancellationToken)
    {
        var url = PrometheusQueryUri.Build(_settings.ServerAddress, _settings.Query, _timeProvider.GetUtcNow(), _settings.Namespace, _settings.QueryParameters);
        var shownUrl = PrometheusQueryUri.Redact(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return (-1, $"invalid prometheus query URL \"{shownUrl}\": serverAddress must be an absolute http(s) URL");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (ApplyHeaders(request) is { } headerError)
        {
            return (-1, headerError);
        }

        // KEDA's http.Client.Timeout: one deadline for the whole call (credentials, connect retry, headers and body).
        using var timeout = new CancellationTokenSource(_settings.Timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            if (_authorizer is not null && await _authorizer.AuthorizeAsync(request, linked.Token).ConfigureAwait(false) is { } authError)
            {
                return (-1, authError);
            }

            using var client = _http.Create(_tls);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is < 200 or > 299)
            {
                return (-1, $"prometheus query api returned error. status: {status.ToString(CultureInfo.InvariantCulture)}");
            }

            return PrometheusResponseReader.Read(body, _settings.Query, _settings.IgnoreNullValues);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var ms = ((long)_settings.Timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            return (-1, $"Get \"{shownUrl}\": context deadline exceeded (Client.Timeout of {ms}ms exceeded)");
        }
        catch (HttpRequestException ex)
        {
            return (-1, $"Get \"{shownUrl}\": {Describe(ex)}");
        }
    }

    // The factory owns the handlers; a scaler holds nothing to release.
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private string? ApplyHeaders(HttpRequestMessage request)
    {
        foreach (var (name, value) in _settings.CustomHeaders)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                return $"invalid custom header name \"{name}\"";
            }
        }

        // KEDA sets (replaces) the auth header after adding the custom headers.
        foreach (var (name, value) in _authHeaders)
        {
            request.Headers.Remove(name);
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                return $"invalid auth header name \"{name}\"";
            }
        }

        // Go's client turns user info in the URL into basic auth unless an Authorization header is set.
        if (request.RequestUri!.UserInfo.Length > 0 && request.Headers.Authorization is null)
        {
            var userInfo = Uri.UnescapeDataString(request.RequestUri.UserInfo);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(userInfo)));
        }

        return null;
    }

    private static string Describe(HttpRequestException ex)
    {
        var inner = ex.InnerException switch
        {
            AuthenticationException auth => auth.Message,
            IOException io => io.Message,
            System.Net.Sockets.SocketException socket => socket.Message,
            _ => null,
        };
        return inner is null || ex.Message.Contains(inner, StringComparison.Ordinal) ? ex.Message : $"{ex.Message} ({inner})";
    }
}
