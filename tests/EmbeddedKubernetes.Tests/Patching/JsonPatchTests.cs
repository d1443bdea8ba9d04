using System.Text.Json.Nodes;
using EmbeddedKubernetes.Patching;

namespace EmbeddedKubernetes.Tests.Patching;

public sealed class JsonPatchTests
{
    [Fact]
    public void AddReplaceRemove_ApplyInOrder()
    {
        var result = Apply("""{"a":1,"list":[1,3]}""",
            """[{"op":"add","path":"/list/1","value":2},{"op":"replace","path":"/a","value":"x"},{"op":"remove","path":"/list/0"},{"op":"add","path":"/list/-","value":4}]""");

        Assert.Equal("""{"list":[2,3,4],"a":"x"}""", result);
    }

    [Fact]
    public void NullMembers_Exist_ForTestReplaceCopyAndRemove()
    {
        var result = Apply("""{"a":null,"b":1}""",
            """[{"op":"test","path":"/a","value":null},{"op":"copy","from":"/a","path":"/c"},{"op":"replace","path":"/b","value":null},{"op":"remove","path":"/a"}]""");

        Assert.Equal("""{"c":null,"b":null}""", result);
    }

    [Fact]
    public void AddWithANullValue_StoresNull()
    {
        Assert.Equal("""{"a":null}""", Apply("{}", """[{"op":"add","path":"/a","value":null}]"""));
    }

    [Theory]
    [InlineData("add")]
    [InlineData("replace")]
    [InlineData("test")]
    public void AMissingValue_IsAnErrorNamingTheOperation(string op)
    {
        var error = Fail("""{"a":1}""", $$"""[{"op":"{{op}}","path":"/a"}]""");

        Assert.Equal($"operation 0 ({op} /a): missing value", error);
    }

    [Fact]
    public void ReplacingTheRoot_SwapsTheWholeDocument()
    {
        Assert.Equal("""{"b":2}""", Apply("""{"a":1}""", """[{"op":"replace","path":"","value":{"b":2}}]"""));
        Assert.Equal("""{"c":3}""", Apply("""{"a":1}""", """[{"op":"add","path":"","value":{"c":3}}]"""));
    }

    [Fact]
    public void ATestThatFails_StopsThePatch()
    {
        Assert.Equal("testing value /a failed", Fail("""{"a":1}""", """[{"op":"test","path":"/a","value":2},{"op":"remove","path":"/a"}]"""));
    }

    [Fact]
    public void PathsThroughMissingMembers_AndLeadingZeroIndexes_AreErrors()
    {
        Assert.Equal("doc is missing path: \"/x/y\"", Fail("{}", """[{"op":"add","path":"/x/y","value":1}]"""));
        Assert.Equal("unable to remove nonexistent key: 01: missing value", Fail("""{"l":[1,2]}""", """[{"op":"remove","path":"/l/01"}]"""));
    }

    [Fact]
    public void MoveAndEscapedPointers_FollowRfc6901()
    {
        var result = Apply("""{"a/b":{"~k":1}}""", """[{"op":"move","from":"/a~1b/~0k","path":"/moved"}]""");

        Assert.Equal("""{"a/b":{},"moved":1}""", result);
    }

    private static string Apply(string document, string patch)
    {
        var result = JsonPatch.Apply(JsonNode.Parse(document)!, JsonNode.Parse(patch)!.AsArray(), out var error);
        Assert.Null(error);
        return result!.ToJsonString();
    }

    private static string Fail(string document, string patch)
    {
        Assert.Null(JsonPatch.Apply(JsonNode.Parse(document)!, JsonNode.Parse(patch)!.AsArray(), out var error));
        return error!;
    }
}
