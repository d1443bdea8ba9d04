using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace LocalServiceBus.Security;

/// <summary>
/// Checks a Service Bus SAS token (<c>SharedAccessSignature sr=..&amp;sig=..&amp;se=..&amp;skn=..</c>): the key named
/// by <c>skn</c> must be known, <c>sig</c> must be HMAC-SHA256 over <c>sr + "\n" + se</c>, and <c>se</c> in the future.
/// </summary>
internal sealed class SasTokenValidator(string keyName, string key, TimeProvider time)
{
    private const string Prefix = "SharedAccessSignature ";
    private readonly byte[] _key = Encoding.UTF8.GetBytes(key);

    public SasTokenCheck Check(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || !token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return SasTokenCheck.Malformed;
        }

        var fields = token[Prefix.Length..].Split('&')
            .Select(part => part.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .GroupBy(kv => kv[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.OrdinalIgnoreCase);
        if (!fields.TryGetValue("sr", out var resource) || !fields.TryGetValue("sig", out var signature)
            || !fields.TryGetValue("se", out var expiry) || !fields.TryGetValue("skn", out var name)
            || !long.TryParse(expiry, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt))
        {
            return SasTokenCheck.Malformed;
        }

        if (!string.Equals(WebUtility.UrlDecode(name), keyName, StringComparison.Ordinal))
        {
            return SasTokenCheck.UnknownKey;
        }

        var expected = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(resource + "\n" + expiry));
        byte[] given;
        try
        {
            given = Convert.FromBase64String(WebUtility.UrlDecode(signature));
        }
        catch (FormatException)
        {
            return SasTokenCheck.BadSignature;
        }

        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return SasTokenCheck.BadSignature;
        }

        return expiresAt <= time.GetUtcNow().ToUnixTimeSeconds() ? SasTokenCheck.Expired : SasTokenCheck.Valid;
    }

    /// <summary>The expiry (<c>se</c>) of a token already checked; MaxValue when absent.</summary>
    public static DateTimeOffset ExpiryOf(string token)
    {
        var se = token.Split(['&', ' '], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(p => p.StartsWith("se=", StringComparison.OrdinalIgnoreCase));
        return se is not null && long.TryParse(se[3..], NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            ? DateTimeOffset.FromUnixTimeSeconds(s)
            : DateTimeOffset.MaxValue;
    }
}
