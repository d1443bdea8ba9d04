using Operator.Scalers;
using Operator.Scalers.Config;

namespace Operator.Tests.Scalers.Config;

// Maps, slices, enums, exclusive sets and url values (typed_config_test.go).
public sealed class TypedConfigCollectionTests
{
    private static ScalerConfig Config(Dictionary<string, string>? metadata = null, Dictionary<string, string>? auth = null) =>
        TypedConfigTests.Config(metadata, auth: auth);

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
