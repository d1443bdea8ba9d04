using Operator.Scalers;
using Operator.Scalers.Config;

namespace Operator.Tests.Scalers.Config;

// Scalar grammars: Go ParseBool, JSON numbers, Go durations / milliseconds.
public sealed class TypedConfigValueTests
{
    private sealed class Values
    {
        [Keda("name=b, order=triggerMetadata, optional")]
        public bool B { get; set; }

        [Keda("name=i, order=triggerMetadata, optional")]
        public int I { get; set; }

        [Keda("name=l, order=triggerMetadata, optional")]
        public long L { get; set; }

        [Keda("name=f, order=triggerMetadata, optional")]
        public double F { get; set; }

        [Keda("name=n, order=triggerMetadata, optional")]
        public double? N { get; set; }

        [Keda("name=d, order=triggerMetadata, optional")]
        public TimeSpan D { get; set; }
    }

    private static TypedConfigResult<Values> Parse(string key, string value) =>
        TypedConfig.Parse<Values>(new ScalerConfig { TriggerType = "test", TriggerMetadata = new Dictionary<string, string> { [key] = value } });

    [Theory]
    [InlineData("1", true)]
    [InlineData("t", true)]
    [InlineData("T", true)]
    [InlineData("TRUE", true)]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("0", false)]
    [InlineData("f", false)]
    [InlineData("F", false)]
    [InlineData("FALSE", false)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    public void Parse_Bool_AcceptsGoParseBoolSet(string value, bool expected)
    {
        var result = Parse("b", value);

        Assert.True(result.IsSuccess, result.ErrorMessage);
        Assert.Equal(expected, result.Value.B);
    }

    [Theory]
    [InlineData("xxxx")]
    [InlineData("yes")]
    [InlineData("tRUE")]
    public void Parse_Bool_RejectsOthers(string value)
    {
        var result = Parse("b", value);

        Assert.Equal(
            [$"unable to set param \"b\" value \"{value}\": unable to parse boolean value \"{value}\": strconv.ParseBool: parsing \"{value}\": invalid syntax"],
            result.Errors);
    }

    [Theory]
    [InlineData("10", 10)]
    [InlineData("-3", -3)]
    [InlineData("0", 0)]
    public void Parse_Int_AcceptsJsonIntegers(string value, int expected)
    {
        Assert.Equal(expected, Parse("i", value).Value.I);
    }

    [Theory]
    [InlineData("10.5", "json: cannot unmarshal number 10.5 into Go value of type int")]
    [InlineData("1e3", "json: cannot unmarshal number 1e3 into Go value of type int")]
    [InlineData("+5", "invalid character '+' looking for beginning of value")]
    [InlineData("one", "invalid character 'o' looking for beginning of value")]
    [InlineData("01", "invalid character '1' after top-level value")]
    [InlineData("10a", "invalid character 'a' after top-level value")]
    [InlineData("99999999999", "json: cannot unmarshal number 99999999999 into Go value of type int")]
    public void Parse_Int_RejectsNonIntegers(string value, string detail)
    {
        var result = Parse("i", value);

        Assert.Equal([$"unable to set param \"i\" value \"{value}\": unable to unmarshal to field type int: {detail}"], result.Errors);
    }

    [Fact]
    public void Parse_Int64_NamesGoType()
    {
        Assert.Equal(
            ["unable to set param \"l\" value \"1.5\": unable to unmarshal to field type int64: json: cannot unmarshal number 1.5 into Go value of type int64"],
            Parse("l", "1.5").Errors);
    }

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("1e3", 1000)]
    [InlineData("-0.25", -0.25)]
    [InlineData("2E-2", 0.02)]
    public void Parse_Float_AcceptsJsonNumbers(string value, double expected)
    {
        Assert.Equal(expected, Parse("f", value).Value.F);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Inf")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("1e400")]
    public void Parse_Float_RejectsNonJson(string value)
    {
        Assert.False(Parse("f", value).IsSuccess);
    }

    [Fact]
    public void Parse_JsonNull_LeavesZeroValue()
    {
        var result = Parse("n", "null");

        Assert.True(result.IsSuccess, result.ErrorMessage);
        Assert.Null(result.Value.N);
    }

    [Theory]
    [InlineData("30s", 30_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("1.5h", 5_400_000)]
    [InlineData("300ms", 300)]
    [InlineData("0", 0)]
    [InlineData("1000", 1000)]
    [InlineData("+20", 20)]
    public void Parse_Duration_GoSyntaxOrMilliseconds(string value, int expectedMs)
    {
        var result = Parse("d", value);

        Assert.True(result.IsSuccess, result.ErrorMessage);
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), result.Value.D);
    }

    [Theory]
    [InlineData("-5s", "duration cannot be negative: \"-5s\"")]
    [InlineData("-100", "duration cannot be negative: -100 milliseconds")]
    [InlineData("5 s", "unable to parse duration value \"5 s\": must be either a duration string (e.g. '30s', '5m') or a number of milliseconds")]
    [InlineData("1.5", "unable to parse duration value \"1.5\": must be either a duration string (e.g. '30s', '5m') or a number of milliseconds")]
    [InlineData("99999999999999999", "unable to parse duration value \"99999999999999999\": out of range")]
    [InlineData("999999999h", "unable to parse duration value \"999999999h\": must be either a duration string (e.g. '30s', '5m') or a number of milliseconds")]
    public void Parse_Duration_Rejects(string value, string detail)
    {
        Assert.Equal([$"unable to set param \"d\" value \"{value}\": {detail}"], Parse("d", value).Errors);
    }
}
