using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Operator.Scalers.Prometheus;

/// <summary>AWS credentials used to sign one request.</summary>
internal sealed record AwsSigningCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken)
{
    // Keep the secret out of ToString (records print every member by default).
    public override string ToString() => $"AwsSigningCredentials {{ AccessKeyId = {AccessKeyId} }}";
}

/// <summary>
/// AWS Signature Version 4 for header-signed requests without a body (what Amazon Managed Prometheus needs):
/// canonical request, string to sign, derived key, <c>Authorization</c> header. Signs <c>host</c>,
/// <c>x-amz-date</c> and, with temporary credentials, <c>x-amz-security-token</c>.
/// </summary>
internal static class AwsSigV4Signer
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>Hex SHA-256 of the empty payload (KEDA signs AMP GETs with this hash).</summary>
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>Returns the headers to add: <c>X-Amz-Date</c>, optional <c>X-Amz-Security-Token</c>, <c>Authorization</c>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Sign(
        string method,
        Uri uri,
        AwsSigningCredentials credentials,
        string region,
        string service,
        DateTimeOffset now,
        string payloadHash = EmptyPayloadHash)
    {
        var amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var dateStamp = amzDate[..8];

        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port.ToString(CultureInfo.InvariantCulture)}",
            ["x-amz-date"] = amzDate,
        };
        if (!string.IsNullOrEmpty(credentials.SessionToken))
        {
            headers["x-amz-security-token"] = credentials.SessionToken;
        }

        var signedHeaders = string.Join(';', headers.Keys);
        var canonicalRequest = new StringBuilder()
            .Append(method).Append('\n')
            .Append(CanonicalPath(uri.AbsolutePath)).Append('\n')
            .Append(CanonicalQuery(uri.Query)).Append('\n');
        foreach (var (name, value) in headers)
        {
            canonicalRequest.Append(name).Append(':').Append(value.Trim()).Append('\n');
        }

        canonicalRequest.Append('\n').Append(signedHeaders).Append('\n').Append(payloadHash);

        var scope = $"{dateStamp}/{region}/{service}/aws4_request";
        var stringToSign = $"{Algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest.ToString())))}";

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + credentials.SecretAccessKey), dateStamp);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        var signature = Hex(Hmac(key, stringToSign));

        var result = new List<KeyValuePair<string, string>> { new("X-Amz-Date", amzDate) };
        if (!string.IsNullOrEmpty(credentials.SessionToken))
        {
            result.Add(new("X-Amz-Security-Token", credentials.SessionToken));
        }

        result.Add(new("Authorization", $"{Algorithm} Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}"));
        return result;
    }

    /// <summary>The escaped path escaped once more, as SigV4 requires for every service but S3.</summary>
    internal static string CanonicalPath(string escapedPath) =>
        escapedPath.Length == 0 ? "/" : string.Join('/', escapedPath.Split('/').Select(Escape));

    /// <summary>Query parameters decoded, re-encoded with RFC 3986 rules and sorted by name then value.</summary>
    internal static string CanonicalQuery(string query)
    {
        var trimmed = query.StartsWith('?') ? query[1..] : query;
        if (trimmed.Length == 0)
        {
            return "";
        }

        var pairs = new List<(string Key, string Value)>();
        foreach (var part in trimmed.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? "" : part[(equals + 1)..];
            pairs.Add((Escape(Decode(key)), Escape(Decode(value))));
        }

        pairs.Sort((a, b) =>
        {
            var byKey = string.CompareOrdinal(a.Key, b.Key);
            return byKey != 0 ? byKey : string.CompareOrdinal(a.Value, b.Value);
        });
        return string.Join('&', pairs.Select(p => $"{p.Key}={p.Value}"));
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    // RFC 3986 unreserved characters stay, everything else is %XX (upper-case hex).
    private static string Escape(string value) => Uri.EscapeDataString(value);

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
