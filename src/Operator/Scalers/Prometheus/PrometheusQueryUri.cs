using System.Globalization;
using System.Text;

namespace Operator.Scalers.Prometheus;

/// <summary>Builds KEDA's instant-query URL: <c>&lt;server&gt;/api/v1/query?query=..&amp;time=..[&amp;namespace=..][&amp;k=v..]</c>.</summary>
internal static class PrometheusQueryUri
{
    public static string Build(
        string serverAddress,
        string query,
        DateTimeOffset now,
        string @namespace,
        IReadOnlyList<KeyValuePair<string, string>> queryParameters)
    {
        var builder = new StringBuilder(serverAddress.TrimEnd('/'))
            .Append(PrometheusDefaults.QueryPath)
            .Append("?query=").Append(QueryEscape(query))
            .Append("&time=").Append(now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

        if (@namespace.Length > 0)
        {
            // KEDA appends the namespace unescaped (for namespaced queriers such as Thanos).
            builder.Append("&namespace=").Append(@namespace);
        }

        foreach (var (key, value) in queryParameters)
        {
            builder.Append('&').Append(QueryEscape(key)).Append('=').Append(QueryEscape(value));
        }

        return builder.ToString();
    }

    /// <summary>Go's <c>url.QueryEscape</c>: unreserved characters kept, space as <c>+</c>, the rest percent-encoded.</summary>
    public static string QueryEscape(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);

    /// <summary>The server address without user info (<c>user:password@</c>), for error messages.</summary>
    public static string Redact(string serverAddress)
    {
        var schemeEnd = serverAddress.IndexOf("://", StringComparison.Ordinal);
        var authorityStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
        var pathStart = serverAddress.IndexOf('/', authorityStart);
        var authorityEnd = pathStart < 0 ? serverAddress.Length : pathStart;
        if (authorityEnd <= authorityStart)
        {
            return serverAddress;
        }

        var at = serverAddress.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        return at < 0 ? serverAddress : string.Concat(serverAddress.AsSpan(0, authorityStart), serverAddress.AsSpan(at + 1));
    }
}
