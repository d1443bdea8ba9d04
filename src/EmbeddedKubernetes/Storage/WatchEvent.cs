namespace EmbeddedKubernetes.Storage;

internal enum WatchEventType
{
    Added,
    Modified,
    Deleted,
}

/// <summary>One committed change. <see cref="Previous"/> lets selector-filtered watches turn a change into ADDED/DELETED.</summary>
internal sealed record WatchEvent(string GroupResource, WatchEventType Type, StoredObject Object, StoredObject? Previous)
{
    public long ResourceVersion => Object.ResourceVersion;

    public static string Wire(WatchEventType type) => type switch
    {
        WatchEventType.Added => "ADDED",
        WatchEventType.Modified => "MODIFIED",
        _ => "DELETED",
    };
}
