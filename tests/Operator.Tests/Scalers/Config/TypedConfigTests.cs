using Operator.Scalers;
using Operator.Scalers.Config;

namespace Operator.Tests.Scalers.Config;

// Reproduces kedacore/keda pkg/scalers/scalersconfig/typed_config_test.go.
public sealed class TypedConfigTests
{
    private static ScalerConfig Config(
        Dictionary<string, string>? metadata = null,
        Dictionary<string, string>? env = null,
        Dictionary<string, string>? auth = null,
        string type = "test") => new()
        {
            TriggerType = type,
            TriggerMetadata = metadata ?? [],
            ResolvedEnv = env ?? [],
            AuthParams = auth ?? [],
        };

    private sealed class Basic
    {
        [Keda("name=stringVal, order=triggerMetadata")]
        public string StringVal { get; set; } = "";

        [Keda("name=intVal,    order=triggerMetadata")]
        public int IntVal { get; set; }

        [Keda("name=boolVal,   order=resolvedEnv")]
        public bool BoolVal { get; set; }

        [Keda("name=floatVal,  order=resolvedEnv")]
        public double FloatVal { get; set; }

        [Keda("name=auth,      order=authParams")]
        public string AuthVal { get; set; } = "";
    }

    [Fact]
    public void Parse_BasicTypes_FromAllThreeSources()
    {
        var result = TypedConfig.Parse<Basic>(Config(
            new() { ["stringVal"] = "value1", ["intVal"] = "1", ["boolValFromEnv"] = "boolVal", ["floatValFromEnv"] = "floatVal" },
            new() { ["boolVal"] = "true", ["floatVal"] = "1.1" },
            new() { ["auth"] = "authValue" }));

        Assert.True(result.IsSuccess, result.ErrorMessage);
        Assert.Equal("value1", result.Value.StringVal);
        Assert.Equal(1, result.Value.IntVal);
        Assert.True(result.Value.BoolVal);
        Assert.Equal(1.1, result.Value.FloatVal);
        Assert.Equal("authValue", result.Value.AuthVal);
    }

    private sealed class Ordered
    {
        [Keda("name=stringVal, order=resolvedEnv;triggerMetadata")]
        public string StringVal { get; set; } = "";

        [Keda("name=intVal,    order=triggerMetadata;resolvedEnv")]
        public int IntVal { get; set; }

        [Keda("name=floatVal,  order=resolvedEnv;triggerMetadata")]
        public double FloatVal { get; set; }
    }

    [Fact]
    public void Parse_FirstSourceInOrderWins()
    {
        var result = TypedConfig.Parse<Ordered>(Config(
            new() { ["stringVal"] = "value1", ["intVal"] = "1", ["intValFromEnv"] = "intVal", ["floatVal"] = "1.1", ["floatValFromEnv"] = "floatVal" },
            new() { ["stringVal"] = "value2", ["intVal"] = "2", ["floatVal"] = "2.2" }));

        Assert.True(result.IsSuccess, result.ErrorMessage);
        Assert.Equal("value1", result.Value.StringVal);
        Assert.Equal(1, result.Value.IntVal);
        Assert.Equal(2.2, result.Value.FloatVal);
    }

    private sealed class Optionals
    {
        [Keda("name=stringVal, order=triggerMetadata")]
        public string StringVal { get; set; } = "";

        [Keda("name=intVal,    order=triggerMetadata, optional")]
        public int IntValOptional { get; set; }

        [Keda("name=intVal,    order=triggerMetadata, optional=true")]
        public int IntValAlsoOptional { get; set; }
    }

    [Fact]
    public void Parse_OptionalMissing_LeavesZero()
    {
        var result = TypedConfig.Parse<Optionals>(Config(new() { ["stringVal"] = "value1" }));

        Assert.True(result.IsSuccess, result.ErrorMessage);
        Assert.Equal(0, result.Value.IntValOptional);
        Assert.Equal(0, result.Value.IntValAlsoOptional);
    }

    private sealed class Required
    {
        [Keda("name=stringVal,  order=triggerMetadata")]
        public string StringVal { get; set; } = "";
    }

    [Fact]
    public void Parse_RequiredMissing_ReportsKedaError()
    {
        var result = TypedConfig.Parse<Required>(Config());

        Assert.Equal(["missing required parameter \"stringVal\" in [triggerMetadata]"], result.Errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n")]
    public void Parse_EmptyValue_CountsAsMissing(string value)
    {
        var result = TypedConfig.Parse<Required>(Config(new() { ["stringVal"] = value }));

        Assert.Equal(["missing required parameter \"stringVal\" in [triggerMetadata]"], result.Errors);
    }

    [Fact]
    public void Parse_Value_IsTrimmed()
    {
        var result = TypedConfig.Parse<Required>(Config(new() { ["stringVal"] = "  plaintext\n" }));

        Assert.Equal("plaintext", result.Value.StringVal);
    }

    private sealed class Announced
    {
        [Keda("name=oldParam, order=triggerMetadata, deprecatedAnnounce=This parameter is deprecated and will be removed in - Use newParam instead")]
        public string OldParam { get; set; } = "";
    }

    [Fact]
    public void Parse_DeprecatedAnnounce_ReturnsInfoAndValue()
    {
        var result = TypedConfig.Parse<Announced>(Config(new() { ["oldParam"] = "value1" }, type: "testScaler"));

        Assert.True(result.IsSuccess, result.ErrorMessage);
        Assert.Equal("value1", result.Value.OldParam);
        Assert.Equal(["scaler testScaler info: This parameter is deprecated and will be removed in - Use newParam instead"], result.Infos);
    }

    private sealed class Removed
    {
        [Keda("name=oldParam, order=triggerMetadata, deprecated=This parameter is deprecated and is removed - Use newParam instead")]
        public string OldParam { get; set; } = "";
    }

    [Fact]
    public void Parse_DeprecatedPresent_IsError()
    {
        var result = TypedConfig.Parse<Removed>(Config(new() { ["oldParam"] = "value1" }, type: "testScaler"));

        Assert.Equal(["scaler testScaler info: This parameter is deprecated and is removed - Use newParam instead"], result.Errors);
    }

    [Fact]
    public void Parse_DeprecatedAbsent_IsFine()
    {
        Assert.True(TypedConfig.Parse<Removed>(Config()).IsSuccess);
    }

    private sealed class Defaults
    {
        [Keda("name=boolVal,    order=triggerMetadata, optional, default=true")]
        public bool BoolVal { get; set; }

        [Keda("name=stringVal,  order=triggerMetadata, optional, default=d")]
        public string StringVal { get; set; } = "";

        [Keda("name=stringVal2, order=triggerMetadata, optional, default=d")]
        public string StringVal2 { get; set; } = "";
    }

    [Fact]
    public void Parse_Default_UsedOnlyWhenMissing()
    {
        var result = TypedConfig.Parse<Defaults>(Config(new() { ["stringVal"] = "value1" }));

        Assert.True(result.Value.BoolVal);
        Assert.Equal("value1", result.Value.StringVal);
        Assert.Equal("d", result.Value.StringVal2);
    }

    private sealed class Maps
    {
        [Keda("name=mapVal, order=triggerMetadata")]
        public Dictionary<string, int> MapVal { get; set; } = [];
    }

    [Fact]
    public void Parse_Map_KeyValuePairs()
    {
        var result = TypedConfig.Parse<Maps>(Config(new() { ["mapVal"] = "key1=1, key2 = 2" }));

        Assert.True(result.IsSuccess, result.ErrorMessage);
        Assert.Equal(new Dictionary<string, int> { ["key1"] = 1, ["key2"] = 2 }, result.Value.MapVal);
    }

    [Fact]
    public void Parse_MapEntryWithoutValue_IsError()
    {
        var result = TypedConfig.Parse<Maps>(Config(new() { ["mapVal"] = "key1=1,key2" }));

        Assert.Equal(["unable to set param \"mapVal\" value \"key1=1,key2\": expected format key=value, got \"key2\""], result.Errors);
    }

    private sealed class Slices
    {
        [Keda("name=sliceVal, order=triggerMetadata")]
        public List<int> SliceVal { get; set; } = [];

        [Keda("name=sliceValWithSpaces, order=triggerMetadata")]
        public int[] SliceValWithSpaces { get; set; } = [];

        [Keda("name=sliceValWithOtherSeparator, order=triggerMetadata, separator=;")]
        public IReadOnlyList<int> SliceValWithOtherSeparator { get; set; } = [];
    }

    [Fact]
    public void Parse_Slices_WithSeparators()
    {
        var result = TypedConfig.Parse<Slices>(Config(new()
        {
            ["sliceVal"] = "1,2,3",
            ["sliceValWithSpaces"] = "1, 2, 3",
            ["sliceValWithOtherSeparator"] = "1;2;3",
        }));

        Assert.True(result.IsSuccess, result.ErrorMessage);
        Assert.Equal([1, 2, 3], result.Value.SliceVal);
        Assert.Equal([1, 2, 3], result.Value.SliceValWithSpaces);
        Assert.Equal([1, 2, 3], result.Value.SliceValWithOtherSeparator);
    }

    private sealed class Enums
    {
        [Keda("name=enumVal,   order=triggerMetadata, enum=value1;value2")]
        public string EnumVal { get; set; } = "";

        [Keda("name=enumSlice, order=triggerMetadata, enum=value1;value2, optional")]
        public List<string> EnumSlice { get; set; } = [];
    }

    [Fact]
    public void Parse_Enum_AcceptsListedValues()
    {
        var result = TypedConfig.Parse<Enums>(Config(new() { ["enumVal"] = "value1", ["enumSlice"] = "value1, value2" }));

        Assert.True(result.IsSuccess, result.ErrorMessage);
        Assert.Equal("value1", result.Value.EnumVal);
        Assert.Equal(["value1", "value2"], result.Value.EnumSlice);
    }

    [Theory]
    [InlineData("value3")]
    [InlineData("Value1")]
    public void Parse_Enum_RejectsOthersCaseSensitively(string value)
    {
        var result = TypedConfig.Parse<Enums>(Config(new() { ["enumVal"] = value }));

        Assert.Equal([$"parameter \"enumVal\" value \"{value}\" must be one of [value1 value2]"], result.Errors);
    }

    private sealed class Exclusive
    {
        [Keda("name=intVal, order=triggerMetadata, exclusiveSet=1;4;5")]
        public List<int> IntVal { get; set; } = [];
    }

    [Fact]
    public void Parse_ExclusiveSet_AllowsOneMember()
    {
        Assert.True(TypedConfig.Parse<Exclusive>(Config(new() { ["intVal"] = "1,2,3" })).IsSuccess);
    }

    [Fact]
    public void Parse_ExclusiveSet_RejectsTwoMembers()
    {
        var result = TypedConfig.Parse<Exclusive>(Config(new() { ["intVal"] = "1,4" }));

        Assert.Equal(["parameter \"intVal\" value \"1,4\" must contain only one of [1 4 5]"], result.Errors);
    }

    private sealed class Query
    {
        [Keda("name=endpointParams, order=authParams")]
        public UrlValues EndpointParams { get; set; } = [];
    }

    [Fact]
    public void Parse_UrlValues_AsQueryString()
    {
        var result = TypedConfig.Parse<Query>(Config(auth: new() { ["endpointParams"] = "key1=value1&key2=value2&key1=value3" }));

        Assert.True(result.IsSuccess, result.ErrorMessage);
        Assert.Equal(["value1", "value3"], result.Value.EndpointParams["key1"]);
        Assert.Equal(["value2"], result.Value.EndpointParams["key2"]);
    }

    private sealed class GenericMap
    {
        [Keda("name=endpointParams, order=authParams")]
        public Dictionary<string, List<string>> EndpointParams { get; set; } = [];
    }

    [Fact]
    public void Parse_MapOfLists_IsAPlainMap()
    {
        var result = TypedConfig.Parse<GenericMap>(Config(auth: new() { ["endpointParams"] = "key1=value1,key2=value2,key3=value3" }));

        Assert.True(result.IsSuccess, result.ErrorMessage);
        Assert.Equal(3, result.Value.EndpointParams.Count);
        Assert.Equal(["value1"], result.Value.EndpointParams["key1"]);
    }
}
