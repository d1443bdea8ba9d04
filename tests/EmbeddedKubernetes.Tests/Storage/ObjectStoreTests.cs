using System.Text.Json.Nodes;
using EmbeddedKubernetes.Storage;

namespace EmbeddedKubernetes.Tests.Storage;

public sealed class ObjectStoreTests
{
    [Fact]
    public void List_OfOneNamespace_ComesFromItsIndexInKeyOrder()
    {
        var store = new ObjectStore(100);
        store.Put("configmaps", Node("b", "one"), WatchEventType.Added);
        store.Put("configmaps", Node("a", "two"), WatchEventType.Added);
        store.Put("configmaps", Node("a", "one"), WatchEventType.Added);

        var (items, _) = store.List("configmaps", "one");

        Assert.Equal(["a", "b"], items.Select(i => i.Name));
        Assert.True(store.AnyInNamespace("two"));
        Assert.False(store.AnyInNamespace("three"));
    }

    [Fact]
    public void OwnerIndex_FollowsOwnerReferencesAsTheyChange()
    {
        var store = new ObjectStore(100);
        store.Put("pods", Node("p", "ns", owner: "rs-1"), WatchEventType.Added);
        store.Put("pods", Node("q", "ns", owner: "rs-1"), WatchEventType.Added);
        store.Put("pods", Node("q", "ns"), WatchEventType.Modified);

        Assert.Equal(["p"], store.DependentsOf("rs-1").Select(d => d.Object.Name));
        store.Remove("pods", "ns", "p");
        Assert.False(store.HasDependents("rs-1"));
    }

    [Fact]
    public void TryPut_WhenTheObjectChangedSinceItWasRead_CommitsNothing()
    {
        var store = new ObjectStore(100);
        var read = store.Put("configmaps", Node("a", "ns"), WatchEventType.Added);
        store.Put("configmaps", Node("a", "ns", data: "newer"), WatchEventType.Modified);

        var stale = store.TryPut("configmaps", Node("a", "ns", data: "stale"), WatchEventType.Modified, expected: read);

        Assert.Null(stale);
        Assert.Contains("newer", System.Text.Encoding.UTF8.GetString(store.Get("configmaps", "ns", "a")!.Json), StringComparison.Ordinal);
    }

    [Fact]
    public void Put_StampsTheResourceVersionIntoTheStoredJson()
    {
        var store = new ObjectStore(100, initialResourceVersion: 41);

        var stored = store.Put("configmaps", Node("a", "ns"), WatchEventType.Added);

        Assert.Equal(42, stored.ResourceVersion);
        Assert.Equal("42", stored.ToNode()["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Watch_WhoseReaderFallsAWholeBufferBehind_IsClosedAfterWhatItBuffered()
    {
        var store = new ObjectStore(100, watchBufferSize: 3);
        var watch = store.Watch("configmaps", null, _ => true, fromResourceVersion: null)!;

        for (var i = 0; i < 5; i++)
        {
            store.Put("configmaps", Node($"cm-{i}", "ns"), WatchEventType.Added);
        }

        var delivered = new List<string>();
        await foreach (var change in watch.Reader.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            delivered.Add(change.Object.Name);
        }

        Assert.True(watch.Overflowed);
        Assert.Equal(["cm-0", "cm-1", "cm-2"], delivered);
        Assert.Equal(0, store.WatchCount);
        Assert.Equal(1, store.SlowWatchersClosed);
    }

    [Fact]
    public async Task Watch_ConcurrentWriters_DeliverEveryEventOnceInResourceVersionOrder()
    {
        var store = new ObjectStore(10_000, watchBufferSize: 10_000);
        var watch = store.Watch("configmaps", null, _ => true, fromResourceVersion: null)!;

        await Parallel.ForAsync(0, 400, TestContext.Current.CancellationToken, (i, _) =>
        {
            store.Put("configmaps", Node($"cm-{i}", $"ns-{i % 7}"), WatchEventType.Added);
            return ValueTask.CompletedTask;
        });
        store.Unwatch(watch);

        var versions = new List<long>();
        await foreach (var change in watch.Reader.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            versions.Add(change.ResourceVersion);
        }

        Assert.Equal(Enumerable.Range(1, 400).Select(v => (long)v), versions);
    }

    private static JsonObject Node(string name, string ns, string? owner = null, string data = "x")
    {
        var metadata = new JsonObject { ["name"] = name, ["namespace"] = ns, ["uid"] = $"{ns}-{name}" };
        if (owner is not null)
        {
            metadata["ownerReferences"] = new JsonArray(new JsonObject { ["uid"] = owner, ["kind"] = "ReplicaSet", ["name"] = owner, ["apiVersion"] = "apps/v1" });
        }

        return new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = metadata, ["data"] = new JsonObject { ["k"] = data } };
    }
}
