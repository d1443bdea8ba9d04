using System.Text.Json.Nodes;
using EmbeddedKubernetes.Tables;

namespace EmbeddedKubernetes.Tests.Tables;

public sealed class JsonPathEvaluatorTests
{
    private static readonly JsonNode Doc = JsonNode.Parse(
        """{"spec":{"n":3,"items":[{"type":"a"},{"type":"b"}]},"status":{"conditions":[{"type":"Ready","status":"True"},{"type":"Active","status":"False"}]}}""")!;

    [Theory]
    [InlineData(".spec.n", "3")]
    [InlineData("{.spec.n}", "3")]
    [InlineData(".spec.items[1].type", "\"b\"")]
    [InlineData(".spec.items[-1].type", "\"b\"")]
    [InlineData(".spec.items[*].type", "\"a\",\"b\"")]
    [InlineData(".status.conditions[?(@.type==\"Active\")].status", "\"False\"")]
    [InlineData(".status.conditions[?(@.type=='Ready')].status", "\"True\"")]
    [InlineData(".status.missing", "")]
    public void Evaluate_PrinterColumnPaths(string path, string expected) =>
        Assert.Equal(expected, string.Join(",", JsonPathEvaluator.Evaluate(Doc, path).Select(n => n.ToJsonString())));
}
