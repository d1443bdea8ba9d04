using System.Text;
using Operator.Scalers.Prometheus;

namespace Operator.Tests.Scalers.Prometheus;

public sealed class PrometheusResponseReaderTests
{
    private const string Query = "up";

    // KEDA's testPromQueryResult table (prometheus_scaler_test.go), minus the HTTP status case (see PrometheusScalerHttpTests).
    public static TheoryData<string, string, bool, double, bool> KedaTable => new()
    {
        { "no results", "{}", true, 0, false },
        { "no values", """{"data":{"result":[]}}""", true, 0, false },
        { "no values but shouldn't ignore", """{"data":{"result":[]}}""", false, -1, true },
        { "value is empty list", """{"data":{"result":[{"value": []}]}}""", true, 0, false },
        { "value is empty list but shouldn't ignore", """{"data":{"result":[{"value": []}]}}""", false, -1, true },
        { "valid value", """{"data":{"result":[{"value": ["1", "2"]}]}}""", true, 2, false },
        { "not enough values", """{"data":{"result":[{"value": ["1"]}]}}""", true, -1, true },
        { "multiple results", """{"data":{"result":[{},{}]}}""", true, -1, true },
        { "+Inf", """{"data":{"result":[{"value": ["1", "+Inf"]}]}}""", true, 0, false },
        { "+Inf but shouldn't ignore", """{"data":{"result":[{"value": ["1", "+Inf"]}]}}""", false, -1, true },
        { "-Inf", """{"data":{"result":[{"value": ["1", "-Inf"]}]}}""", true, 0, false },
        { "-Inf but shouldn't ignore", """{"data":{"result":[{"value": ["1", "-Inf"]}]}}""", false, -1, true },
    };

    [Theory]
    [MemberData(nameof(KedaTable))]
    public void Read_KedaTable_MatchesKeda(string name, string body, bool ignoreNullValues, double expected, bool isError)
    {
        var (value, error) = Read(body, ignoreNullValues);

        Assert.True(isError == (error is not null), $"{name}: error = {error}");
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Read_NullSampleValue_IsMinusOneWithoutError()
    {
        var (value, error) = Read("""{"data":{"result":[{"value": [1, null]}]}}""", ignoreNullValues: false);

        Assert.Null(error);
        Assert.Equal(-1, value);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Read_MultipleSeries_IsErrorRegardlessOfIgnoreNullValues(bool ignoreNullValues)
    {
        var (_, error) = Read("""{"data":{"result":[{"value":[1,"1"]},{"value":[1,"2"]}]}}""", ignoreNullValues);

        Assert.Equal("prometheus query up returned multiple elements", error);
    }

    [Fact]
    public void Read_EmptyResultNotIgnored_UsesKedaMessage()
    {
        var (_, error) = Read("""{"status":"success","data":{"resultType":"vector","result":[]}}""", ignoreNullValues: false);

        Assert.Equal("prometheus metrics 'prometheus' target may be lost, the result is empty", error);
    }

    [Fact]
    public void Read_EmptyValueListNotIgnored_UsesKedaMessage()
    {
        var (_, error) = Read("""{"data":{"result":[{"value":[]}]}}""", ignoreNullValues: false);

        Assert.Equal("prometheus metrics 'prometheus' target may be lost, the value list is empty", error);
    }

    [Fact]
    public void Read_ShortValueList_UsesKedaMessage()
    {
        var (_, error) = Read("""{"data":{"result":[{"value":[1]}]}}""", ignoreNullValues: true);

        Assert.Equal("prometheus query up didn't return enough values", error);
    }

    [Theory]
    [InlineData("NaN", "prometheus query returns NaN")]
    [InlineData("+Inf", "prometheus query returns +Inf")]
    [InlineData("-Inf", "prometheus query returns -Inf")]
    public void Read_SpecialValueNotIgnored_NamesTheValue(string sample, string expected)
    {
        var (_, error) = Read($$$"""{"data":{"result":[{"value":[1,"{{{sample}}}"]}]}}""", ignoreNullValues: false);

        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("1e+06", 1e6)]
    [InlineData("0.5", 0.5)]
    [InlineData("-3", -3)]
    [InlineData("+2.5", 2.5)]
    public void Read_GoFloatSyntax_IsParsed(string sample, double expected)
    {
        var (value, error) = Read($$$"""{"data":{"result":[{"value":[1,"{{{sample}}}"]}]}}""", ignoreNullValues: true);

        Assert.Null(error);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("abc", "strconv.ParseFloat: parsing \"abc\": invalid syntax")]
    [InlineData("1e400", "strconv.ParseFloat: parsing \"1e400\": value out of range")]
    [InlineData(" 1", "strconv.ParseFloat: parsing \" 1\": invalid syntax")]
    public void Read_UnparsableValue_IsGoParseError(string sample, string expected)
    {
        var (value, error) = Read($$$"""{"data":{"result":[{"value":[1,"{{{sample}}}"]}]}}""", ignoreNullValues: true);

        Assert.Equal(expected, error);
        Assert.Equal(-1, value);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"data":"x"}""")]
    [InlineData("""{"data":{"result":{}}}""")]
    [InlineData("""{"data":{"resultType":"scalar","result":[1700000000.1,"NaN"]}}""")]
    [InlineData("""{"data":{"result":[{"value":"1"}]}}""")]
    public void Read_MalformedBody_IsDecodeError(string body)
    {
        var (value, error) = Read(body, ignoreNullValues: true);

        Assert.StartsWith("error decoding prometheus response", error);
        Assert.Equal(-1, value);
    }

    [Fact]
    public void Read_JsonNullBody_IsEmptyResult()
    {
        var (value, error) = Read("null", ignoreNullValues: true);

        Assert.Null(error);
        Assert.Equal(0, value);
    }

    private static (double Value, string? Error) Read(string body, bool ignoreNullValues) =>
        PrometheusResponseReader.Read(Encoding.UTF8.GetBytes(body), Query, ignoreNullValues);
}
