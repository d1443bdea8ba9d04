using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace LocalServiceBus.Tests.Support;

/// <summary>Builds SAS tokens the way Service Bus documents them, to test what the broker accepts.</summary>
internal static class SasTokens
{
    public static string Create(string resource, string keyName, string key, DateTimeOffset expiresAt)
    {
        var encoded = WebUtility.UrlEncode(resource);
        var expiry = expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(encoded + "\n" + expiry)));
        return $"SharedAccessSignature sr={encoded}&sig={WebUtility.UrlEncode(signature)}&se={expiry}&skn={keyName}";
    }
}
