using Operator.Scalers;
using Operator.Scalers.Config;

namespace Operator.Tests.Scalers.Config;

// Reproduces kedacore/keda pkg/scalers/scalersconfig/typed_config_test.go.
public sealed class TypedConfigTests
{
    internal static ScalerConfig Config(
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
}
