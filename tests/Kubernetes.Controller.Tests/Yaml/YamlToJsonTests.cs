using System.Text.Json.Nodes;
using Kubernetes.Controller.Yaml;
using YamlDotNet.Core;

namespace Kubernetes.Controller.Tests.Yaml;

/// <summary>Plain scalars typed as Kubernetes types YAML (go-yaml v2, YAML 1.1): the cases where the three former converters disagreed.</summary>
public sealed class YamlToJsonTests
{
    private static string Value(string scalar) => YamlToJson.Convert($"v: {scalar}")!["v"]?.ToJsonString() ?? "null";

    [Theory]
    [InlineData("yes", "true")]
    [InlineData("Yes", "true")]
    [InlineData("on", "true")]
    [InlineData("ON", "true")]
    [InlineData("y", "true")]
    [InlineData("True", "true")]
    [InlineData("no", "false")]
    [InlineData("off", "false")]
    [InlineData("N", "false")]
    [InlineData("FALSE", "false")]
    public void Yaml11Booleans_AreBooleans(string scalar, string json) => Assert.Equal(json, Value(scalar));

    [Theory]
    [InlineData("0755", "493")]
    [InlineData("0o17", "15")]
    [InlineData("0x1A", "26")]
    [InlineData("-0x1A", "-26")]
    [InlineData("0b101", "5")]
    [InlineData("1_000", "1000")]
    [InlineData("+42", "42")]
    [InlineData("09", "9")]
    public void Integers_FollowGoSyntax(string scalar, string json) => Assert.Equal(json, Value(scalar));

    [Theory]
    [InlineData("1e3", 1000)]
    [InlineData("1.5", 1.5)]
    [InlineData(".5", 0.5)]
    [InlineData("-2.5e-1", -0.25)]
    public void Floats_AreNumbers(string scalar, double expected) =>
        Assert.Equal(expected, YamlToJson.Convert($"v: {scalar}")!["v"]!.GetValue<double>());

    [Theory]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("NULL")]
    [InlineData("")]
    public void NullForms_AreNull(string scalar) => Assert.Null(YamlToJson.Convert($"v: {scalar}")!["v"]);

    [Theory]
    [InlineData("2001-12-14", "\"2001-12-14\"")]
    [InlineData("2001-12-14T21:59:43.10Z", "\"2001-12-14T21:59:43.10Z\"")]
    [InlineData("1.2.3", "\"1.2.3\"")]
    [InlineData(".inf", "\".inf\"")]
    [InlineData("0x", "\"0x\"")]
    public void TimestampsAndLookalikes_StayStrings(string scalar, string json) => Assert.Equal(json, Value(scalar));

    [Theory]
    [InlineData("\"5\"", "\"5\"")]
    [InlineData("'yes'", "\"yes\"")]
    [InlineData("\"~\"", "\"~\"")]
    [InlineData("!!str 0755", "\"0755\"")]
    public void QuotedOrTaggedStrings_StayStrings(string scalar, string json) => Assert.Equal(json, Value(scalar));

    [Fact]
    public void BlockScalars_AreStrings()
    {
        var json = YamlToJson.Convert("v: |\n  10\n");

        Assert.Equal("10\n", json!["v"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("9223372036854775807", "9223372036854775807")]
    [InlineData("-9223372036854775808", "-9223372036854775808")]
    [InlineData("18446744073709551615", "18446744073709551615")]
    public void BigIntegers_KeepEveryDigitUpToUint64(string scalar, string json) => Assert.Equal(json, Value(scalar));

    [Fact]
    public void IntegersBeyondUint64_BecomeFloats()
    {
        var value = YamlToJson.Convert("v: 100000000000000000000")!["v"]!;

        Assert.Equal(1e20, value.GetValue<double>());
    }

    [Fact]
    public void NonStringKeys_BecomeTheirJsonText()
    {
        var json = YamlToJson.Convert("yes: a\n1: b\n\"on\": c\n")!.AsObject();

        Assert.Equal(["true", "1", "on"], json.Select(p => p.Key));
    }

    [Fact]
    public void MergeKeys_MergeWithoutOverridingWrittenKeys()
    {
        var json = YamlToJson.Convert("""
            base: &base {a: 1, b: 2}
            derived:
              <<: *base
              b: 3
            """)!;

        Assert.Equal("""{"a":1,"b":3}""", json["derived"]!.ToJsonString());
    }

    [Fact]
    public void Marks_RecordWhereEachPathWasWritten()
    {
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader("spec:\n  triggers:\n  - type: cpu\n"));
        var marks = new Dictionary<string, Mark>();

        YamlToJson.Convert(stream.Documents[0].RootNode, marks);

        Assert.Equal(3, marks["$.spec.triggers[0].type"].Line);
    }

    [Fact]
    public void ConvertAll_SkipsEmptyDocuments()
    {
        var documents = YamlToJson.ConvertAll("a: 1\n---\n---\nb: 2\n");

        Assert.Equal(["""{"a":1}""", """{"b":2}"""], documents.Select(d => d.ToJsonString()));
    }

    [Fact]
    public void BadYaml_ThrowsYamlException() => Assert.ThrowsAny<YamlException>(() => YamlToJson.Convert("a: [1, 2"));

    [Fact]
    public void Converted_IsPlainJson() => Assert.IsType<JsonObject>(YamlToJson.Convert("a: {b: [1, yes, '2']}"));
}
