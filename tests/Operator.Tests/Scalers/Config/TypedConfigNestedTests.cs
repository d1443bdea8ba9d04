using Operator.Scalers;
using Operator.Scalers.Config;

namespace Operator.Tests.Scalers.Config;

// Nested classes, aliases, ranges, missing orders and the Validate hook (typed_config_test.go).
public sealed class TypedConfigNestedTests
{
    private static ScalerConfig Config(Dictionary<string, string>? metadata = null, Dictionary<string, string>? auth = null) =>
        new() { TriggerType = "test", TriggerMetadata = metadata ?? [], AuthParams = auth ?? [] };

    public sealed class BasicAuth
    {
        [Keda("name=username, order=authParams")]
        public string Username { get; set; } = "";

        [Keda("name=password, order=authParams")]
        public string Password { get; set; } = "";
    }

    private sealed class Nested
    {
        [Keda("")]
        public BasicAuth BA { get; set; } = new();
    }

    [Fact]
    public void Parse_NestedClass_IsFilled()
    {
        var result = TypedConfig.Parse<Nested>(Config(auth: new() { ["username"] = "user", ["password"] = "pass" }));

        Assert.True(result.IsSuccess, result.ErrorMessage);
        Assert.Equal("user", result.Value.BA.Username);
        Assert.Equal("pass", result.Value.BA.Password);
    }

    [Fact]
    public void Parse_NestedRequiredMissing_IsReported()
    {
        var result = TypedConfig.Parse<Nested>(Config(auth: new() { ["username"] = "user" }));

        Assert.Equal(["missing required parameter \"password\" in [authParams]"], result.Errors);
    }

    private sealed class NullableNested
    {
        [Keda("")]
        public BasicAuth? BA { get; set; }
    }

    [Fact]
    public void Parse_NullableNested_IsCreated()
    {
        var result = TypedConfig.Parse<NullableNested>(Config(auth: new() { ["username"] = "user", ["password"] = "pass" }));

        Assert.NotNull(result.Value.BA);
        Assert.Equal("user", result.Value.BA.Username);
    }

    private sealed class WrongNesting
    {
        [Keda("")]
        public int Wrong { get; set; }
    }

    [Fact]
    public void Parse_NestedNonClass_IsError()
    {
        var result = TypedConfig.Parse<WrongNesting>(Config());

        Assert.Equal(["nested parameter \"Wrong\" must be a struct, has kind \"int\""], result.Errors);
    }

    public sealed class OptionalAuth
    {
        [Keda("name=username, order=authParams")]
        public string Username { get; set; } = "";

        [Keda("name=password, order=authParams, optional")]
        public string Password { get; set; } = "";

        [Keda("name=optional, order=authParams")]
        public string AlsoOptionalThanksToParent { get; set; } = "";
    }

    private sealed class NestedOptional
    {
        [Keda("optional")]
        public OptionalAuth BA { get; set; } = new();
    }

    [Fact]
    public void Parse_OptionalNested_MakesChildrenOptional()
    {
        var result = TypedConfig.Parse<NestedOptional>(Config(auth: new() { ["username"] = "user" }));

        Assert.True(result.IsSuccess, result.ErrorMessage);
        Assert.Equal("user", result.Value.BA.Username);
        Assert.Equal("", result.Value.BA.AlsoOptionalThanksToParent);
    }

    private sealed class NoOrder
    {
        [Keda("name=strVal, enum=value1;value2")]
        public string StrVal { get; set; } = "";
    }

    private sealed class NoOrderDefault
    {
        [Keda("name=defaultVal, default=dv")]
        public string DefaultVal { get; set; } = "";
    }

    [Fact]
    public void Parse_NoOrder_IsMissingWithHint()
    {
        var result = TypedConfig.Parse<NoOrder>(Config(new() { ["strVal"] = "value1" }));

        Assert.Equal(["missing required parameter \"strVal\", no 'order' tag, provide any from [authParams resolvedEnv triggerMetadata]"], result.Errors);
    }

    [Fact]
    public void Parse_NoOrder_FallsBackToDefault()
    {
        var result = TypedConfig.Parse<NoOrderDefault>(Config(new() { ["defaultVal"] = "value2" }));

        Assert.Equal("dv", result.Value.DefaultVal);
    }

    private sealed class Ranges
    {
        [Keda("name=range,       order=triggerMetadata, range=-")]
        public List<int> Range { get; set; } = [];

        [Keda("name=multiRange,  order=triggerMetadata, range")]
        public List<int> MultiRange { get; set; } = [];

        [Keda("name=dottedRange, order=triggerMetadata, range=..")]
        public List<int> DottedRange { get; set; } = [];

        [Keda("name=wrongRange,  order=triggerMetadata, range=..")]
        public List<int> WrongRange { get; set; } = [];

        [Keda("name=mixed,  order=triggerMetadata, range, optional")]
        public List<long> Mixed { get; set; } = [];
    }

    [Fact]
    public void Parse_Ranges_AreExpandedInclusive()
    {
        var result = TypedConfig.Parse<Ranges>(Config(new()
        {
            ["range"] = "5-10",
            ["multiRange"] = "5-10, 15-20",
            ["dottedRange"] = "2..7",
            ["wrongRange"] = "5..3",
            ["mixed"] = "1,2,5-8",
        }));

        Assert.True(result.IsSuccess, result.ErrorMessage);
        Assert.Equal([5, 6, 7, 8, 9, 10], result.Value.Range);
        Assert.Equal([5, 6, 7, 8, 9, 10, 15, 16, 17, 18, 19, 20], result.Value.MultiRange);
        Assert.Equal([2, 3, 4, 5, 6, 7], result.Value.DottedRange);
        Assert.Empty(result.Value.WrongRange);
        Assert.Equal([1L, 2, 5, 6, 7, 8], result.Value.Mixed);
    }

    [Fact]
    public void Parse_RangeWithBadBound_IsError()
    {
        var result = TypedConfig.Parse<Ranges>(Config(new() { ["range"] = "1-a", ["multiRange"] = "1", ["dottedRange"] = "1", ["wrongRange"] = "1" }));

        Assert.Equal(
            ["unable to set param \"range\" value \"1-a\": slice element 0: unable to parse end value \"a\": invalid character 'a' looking for beginning of value"],
            result.Errors);
    }

    [Fact]
    public void Parse_HugeRange_IsRefused()
    {
        var result = TypedConfig.Parse<Ranges>(Config(new() { ["range"] = "0-2000000000", ["multiRange"] = "1", ["dottedRange"] = "1", ["wrongRange"] = "1" }));

        Assert.Equal(
            ["unable to set param \"range\" value \"0-2000000000\": slice element 0: range \"0-2000000000\" has more than 100000 elements"],
            result.Errors);
    }

    private sealed class MultiName
    {
        [Keda("name=property1;property2, order=triggerMetadata")]
        public string Property { get; set; } = "";
    }

    [Theory]
    [InlineData("property1", "aaa")]
    [InlineData("property2", "bbb")]
    public void Parse_Aliases_AnyNameMatches(string key, string value)
    {
        var result = TypedConfig.Parse<MultiName>(Config(new() { [key] = value }));

        Assert.Equal(value, result.Value.Property);
    }

    [Fact]
    public void Parse_AliasesMissing_NamesAllAliases()
    {
        var result = TypedConfig.Parse<MultiName>(Config());

        Assert.Equal(["missing required parameter \"property1,property2\" in [triggerMetadata]"], result.Errors);
    }

    [Fact]
    public void Parse_Aliases_EmptyFirstAliasFallsThrough()
    {
        var result = TypedConfig.Parse<MultiName>(Config(new() { ["property1"] = " ", ["property2"] = "bbb" }));

        Assert.Equal("bbb", result.Value.Property);
    }

    private sealed class Validated : ITypedConfigValidator
    {
        [Keda("name=min, order=triggerMetadata")]
        public int Min { get; set; }

        [Keda("name=max, order=triggerMetadata")]
        public int Max { get; set; }

        public string? Validate() => Min > Max ? "min must not exceed max" : null;
    }

    [Fact]
    public void Parse_ValidateHook_ErrorJoinedAfterFieldErrors()
    {
        var result = TypedConfig.Parse<Validated>(Config(new() { ["min"] = "5", ["max"] = "x" }));

        Assert.Equal(2, result.Errors.Count);
        Assert.StartsWith("unable to set param \"max\" value \"x\"", result.Errors[0], StringComparison.Ordinal);
        Assert.Equal("min must not exceed max", result.Errors[1]);
        Assert.Equal(result.Errors[0] + "\nmin must not exceed max", result.ErrorMessage);
    }

    private sealed class BadTag
    {
        [Keda("name=a, order=triggerMetadata;secrets")]
        public string A { get; set; } = "";

        [Keda("name=b, order=triggerMetadata, requried")]
        public string B { get; set; } = "";
    }

    [Fact]
    public void Parse_BadTag_ReportsKedaTagErrors()
    {
        var result = TypedConfig.Parse<BadTag>(Config(new() { ["a"] = "1", ["b"] = "2" }));

        Assert.Equal(
            [
                "unknown parsing order value secrets, has to be one of [authParams resolvedEnv triggerMetadata]",
                "unknown tag param requried: name=b, order=triggerMetadata, requried",
            ],
            result.Errors);
    }

    private sealed class Known
    {
        [Keda("")]
        public KnownNested Nested { get; set; } = new();

        [Keda("name=stringVal;alias, order=triggerMetadata;resolvedEnv")]
        public string StringVal { get; set; } = "";
    }

    public sealed class KnownNested
    {
        [Keda("name=nestVal, order=triggerMetadata")]
        public string Nest { get; set; } = "";
    }

    [Fact]
    public void Parse_UnconsumedMetadataKeys_AreListed()
    {
        var result = TypedConfig.Parse<Known>(Config(new()
        {
            ["stringValFromEnv"] = "X",
            ["alias"] = "value1",
            ["nestVal"] = "nest",
            ["notexistVal"] = "aaa",
            ["notValFromEnv"] = "bbb",
        }));

        Assert.True(result.IsSuccess, result.ErrorMessage);
        Assert.Equal(["notValFromEnv", "notexistVal"], result.UnexpectedParameters);
    }
}
