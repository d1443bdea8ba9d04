using System.Text.Json.Nodes;
using EmbeddedKubernetes.Patching;

namespace EmbeddedKubernetes.Tests.Patching;

public sealed class StrategicMergePatchTests
{
    [Fact]
    public void Containers_MergeByName()
    {
        var result = Apply(
            """{"spec":{"containers":[{"name":"a","image":"x"},{"name":"b","image":"y"}]}}""",
            """{"spec":{"containers":[{"name":"b","image":"z"}]}}""");

        Assert.Equal("""{"spec":{"containers":[{"name":"a","image":"x"},{"name":"b","image":"z"}]}}""", result);
    }

    [Fact]
    public void DeleteDirective_RemovesTheKeyedItem()
    {
        var result = Apply(
            """{"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]}""",
            """{"env":[{"name":"A","$patch":"delete"}]}""");

        Assert.Equal("""{"env":[{"name":"B","value":"2"}]}""", result);
    }

    [Fact]
    public void ServicePorts_MergeByPort_EndpointSlicePortsReplace()
    {
        var service = Apply("""{"spec":{"ports":[{"port":80},{"port":443}]}}""", """{"spec":{"ports":[{"port":80,"name":"http"}]}}""");
        var slice = Apply("""{"ports":[{"name":"https","port":1}]}""", """{"ports":[{"name":"https","port":2}]}""");

        Assert.Equal("""{"spec":{"ports":[{"port":80,"name":"http"},{"port":443}]}}""", service);
        Assert.Equal("""{"ports":[{"name":"https","port":2}]}""", slice);
    }

    [Fact]
    public void Finalizers_MergeAsASet_AndDeleteFromPrimitiveListRemoves()
    {
        var merged = Apply("""{"metadata":{"finalizers":["a"]}}""", """{"metadata":{"finalizers":["b","a"]}}""");
        var removed = Apply("""{"metadata":{"finalizers":["a","b"]}}""", """{"metadata":{"$deleteFromPrimitiveList/finalizers":["a"]}}""");

        Assert.Equal("""{"metadata":{"finalizers":["a","b"]}}""", merged);
        Assert.Equal("""{"metadata":{"finalizers":["b"]}}""", removed);
    }

    [Fact]
    public void NullValue_RemovesKey_AndSetElementOrderIsIgnored()
    {
        var result = Apply(
            """{"metadata":{"labels":{"a":"1","b":"2"}},"spec":{"containers":[{"name":"a"}]}}""",
            """{"metadata":{"labels":{"a":null}},"spec":{"$setElementOrder/containers":[{"name":"a"}]}}""");

        Assert.Equal("""{"metadata":{"labels":{"b":"2"}},"spec":{"containers":[{"name":"a"}]}}""", result);
    }

    [Fact]
    public void ListWithoutMergeKey_IsReplaced()
    {
        var result = Apply("""{"args":["a","b"]}""", """{"args":["c"]}""");

        Assert.Equal("""{"args":["c"]}""", result);
    }

    private static string Apply(string target, string patch) =>
        StrategicMergePatch.Apply(JsonNode.Parse(target)!.AsObject(), JsonNode.Parse(patch)!.AsObject()).ToJsonString();
}
