using System.Numerics;
using k8s;
using k8s.Models;
using Operator.Scaling;

namespace Operator.Tests.Scaling;

public class KubernetesQuantityTests
{
    // KEDA TestGenerateMetricInMili and §0.3 of the KEDA facts.
    [Theory]
    [InlineData(2.0, "2")]
    [InlineData(0.5, "500m")]
    [InlineData(1.2345, "1234m")]
    [InlineData(1.5, "1500m")]
    [InlineData(1500.0, "1500")]
    [InlineData(2000.0, "2k")]
    [InlineData(0.0, "0")]
    [InlineData(0.001, "1m")]
    [InlineData(0.0004, "0")]
    [InlineData(0.0005, "1m")]
    [InlineData(123.456, "123456m")]
    [InlineData(1e6, "1M")]
    [InlineData(1e18, "1E")]
    [InlineData(1e21, "1000E")]
    [InlineData(9223372036854775807.0, "9223372036854775808")]
    public void FromMetricValue_MatchesGoCanonicalForm(double value, string expected) =>
        Assert.Equal(expected, KubernetesQuantity.FromMetricValue(value));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(-1.0)]
    [InlineData(-0.0001)]
    public void FromMetricValue_NaNInfinityOrNegative_IsZero(double value) =>
        Assert.Equal("0", KubernetesQuantity.FromMetricValue(value));

    [Fact]
    public void RoundToMilli_ExactTie_RoundsHalfToEven()
    {
        // 0.0625 and 0.1875 are exact in binary: Go's %.3f gives 0.062 and 0.188.
        Assert.Equal(new BigInteger(62), KubernetesQuantity.RoundToMilli(0.0625));
        Assert.Equal(new BigInteger(188), KubernetesQuantity.RoundToMilli(0.1875));
    }

    [Theory]
    [InlineData(5, "5")]
    [InlineData(10, "10")]
    [InlineData(2000, "2k")]
    [InlineData(0, "0")]
    public void FromInteger_IsNewQuantityDecimalSI(long value, string expected) =>
        Assert.Equal(expected, KubernetesQuantity.FromInteger(value));

    [Theory]
    [InlineData(100000.0, "100")]
    [InlineData(2500.0, "2500m")]
    [InlineData(1999.9, "1999m")]
    public void FromMilliTruncated_TruncatesLikeInt64Conversion(double milli, string expected) =>
        Assert.Equal(expected, KubernetesQuantity.FromMilliTruncated(milli));

    [Theory]
    [InlineData("100", 100.0)]
    [InlineData("500m", 0.5)]
    [InlineData("2k", 2000.0)]
    [InlineData("1Ki", 1024.0)]
    [InlineData("512Mi", 536870912.0)]
    [InlineData("1e3", 1000.0)]
    [InlineData("1.5", 1.5)]
    public void TryParse_ReadsQuantities(string quantity, double expected)
    {
        Assert.True(KubernetesQuantity.TryParse(quantity, out var value));
        Assert.Equal(expected, value, 9);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1e3k")]
    public void TryParse_Garbage_Fails(string quantity) => Assert.False(KubernetesQuantity.TryParse(quantity, out _));

    [Theory]
    [InlineData("1500m", 1500L)]
    [InlineData("1n", 1L)]
    [InlineData("2", 2000L)]
    public void TryParseMilli_RoundsUpLikeMilliValue(string quantity, long expected)
    {
        Assert.True(KubernetesQuantity.TryParseMilli(quantity, out var milli));
        Assert.Equal(expected, milli);
    }

    // The generated strings must survive KubernetesClient's ResourceQuantity serialisation unchanged.
    [Theory]
    [InlineData("2")]
    [InlineData("500m")]
    [InlineData("1234m")]
    [InlineData("1500")]
    [InlineData("2k")]
    [InlineData("0")]
    [InlineData("100")]
    [InlineData("123456m")]
    public void CanonicalStrings_RoundTripThroughResourceQuantity(string canonical)
    {
        var target = new V2MetricTarget { Type = "AverageValue", AverageValue = new ResourceQuantity(canonical) };

        var json = KubernetesJson.Serialize(target);

        Assert.Contains($"\"averageValue\":\"{canonical}\"", json, StringComparison.Ordinal);
    }
}
