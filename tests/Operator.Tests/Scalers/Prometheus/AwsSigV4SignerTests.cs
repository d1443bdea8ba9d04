using Operator.Scalers.Prometheus;

namespace Operator.Tests.Scalers.Prometheus;

// Vectors from AWS's published SigV4 test suite (aws-sig-v4-test-suite): date 2015-08-30T12:36:00Z,
// region us-east-1, service "service", key AKIDEXAMPLE / wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY.
public sealed class AwsSigV4SignerTests
{
    private static readonly AwsSigningCredentials Example = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
    private static readonly DateTimeOffset Date = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("https://example.amazonaws.com/", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")]
    [InlineData("https://example.amazonaws.com/?Param2=value2&Param1=value1", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")]
    public void Sign_AwsTestSuiteVector_ProducesPublishedSignature(string url, string signature)
    {
        var headers = AwsSigV4Signer.Sign("GET", new Uri(url), Example, "us-east-1", "service", Date).ToDictionary();

        Assert.Equal("20150830T123600Z", headers["X-Amz-Date"]);
        Assert.Equal(
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature={signature}",
            headers["Authorization"]);
    }

    [Fact]
    public void Sign_SessionToken_IsSentAndSigned()
    {
        var headers = AwsSigV4Signer.Sign("GET", new Uri("https://aps-workspaces.us-east-1.amazonaws.com/workspaces/ws-1/api/v1/query?query=up"),
            Example with { SessionToken = "token-123" }, "us-east-1", "aps", Date).ToDictionary();

        Assert.Equal("token-123", headers["X-Amz-Security-Token"]);
        Assert.Contains("SignedHeaders=host;x-amz-date;x-amz-security-token,", headers["Authorization"], StringComparison.Ordinal);
        Assert.Contains("/20150830/us-east-1/aps/aws4_request", headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public void CanonicalQuery_GoStyleEscapes_AreReencodedWithRfc3986()
    {
        var canonical = AwsSigV4Signer.CanonicalQuery("?query=sum%28rate%28x%5B1m%5D%29%29+%2A+2&time=2024-01-01T00:00:00Z");

        Assert.Equal("query=sum%28rate%28x%5B1m%5D%29%29%20%2A%202&time=2024-01-01T00%3A00%3A00Z", canonical);
    }

    [Fact]
    public void Credentials_ToString_OmitsSecret()
    {
        var text = (Example with { SessionToken = "tok" }).ToString();

        Assert.DoesNotContain("wJalr", text, StringComparison.Ordinal);
        Assert.DoesNotContain("tok", text.Replace("AwsSigningCredentials", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
