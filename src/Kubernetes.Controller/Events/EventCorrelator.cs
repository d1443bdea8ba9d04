using k8s.Models;

namespace Kubernetes.Controller.Events;

/// <summary>
/// client-go's EventCorrelator (tools/record/events_cache.go) without its spam filter: an Event identical to one
/// recorded before (same source, object, type, reason and message) becomes an update of that Event with its count
/// raised and lastTimestamp moved; once an object has had <see cref="MaxSimilarMessages"/> different messages for one
/// reason within <see cref="SimilarWindow"/>, further ones are folded into one "(combined from similar events)" Event.
/// </summary>
internal sealed class EventCorrelator(TimeProvider time)
{
    /// <summary>client-go's maxLruCacheEntries.</summary>
    public const int MaxEntries = 4096;

    /// <summary>client-go's defaultAggregateMaxEvents.</summary>
    public const int MaxSimilarMessages = 10;

    /// <summary>client-go's defaultAggregateIntervalInSeconds.</summary>
    public static readonly TimeSpan SimilarWindow = TimeSpan.FromMinutes(10);

    public const string CombinedPrefix = "(combined from similar events): ";

    private readonly Lock _lock = new();
    private readonly LruCache<SimilarMessages> _similar = new(MaxEntries);
    private readonly LruCache<Observation> _observed = new(MaxEntries);

    /// <summary>
    /// The Event to write for <paramref name="ev"/> (a new Event with count 1): itself, the combined Event, or an
    /// earlier Event's name with its count raised and its first timestamp kept (then <c>IsUpdate</c> is true).
    /// </summary>
    public EventCorrelation Correlate(Corev1Event ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var now = time.GetUtcNow();
        var similarKey = SimilarKey(ev);
        var key = Key(similarKey, ev.Message);
        lock (_lock)
        {
            if (!_similar.TryGet(similarKey, out var similar) || now - similar.Last > SimilarWindow)
            {
                similar = new SimilarMessages();
            }

            similar.Messages.Add(ev.Message ?? "");
            similar.Last = now;
            _similar.Set(similarKey, similar);
            if (similar.Messages.Count >= MaxSimilarMessages)
            {
                // Do not grow the set of messages past the limit (client-go pops one).
                similar.Messages.Remove(similar.Messages.First());
                ev.Message = CombinedPrefix + ev.Message;
                key = similarKey;
            }

            var isUpdate = _observed.TryGet(key, out var last);
            if (isUpdate)
            {
                ev.Metadata.Name = last.Name;
                ev.FirstTimestamp = last.FirstTimestamp;
                ev.Count = last.Count + 1;
            }

            _observed.Set(key, new Observation(ev.Metadata.Name, ev.Count ?? 1, ev.FirstTimestamp));
            return new EventCorrelation(ev, isUpdate);
        }
    }

    private static string SimilarKey(Corev1Event ev)
    {
        var o = ev.InvolvedObject;
        return string.Join('\u001f', ev.Source?.Component, ev.Source?.Host, o.Kind, o.NamespaceProperty, o.Name, o.FieldPath, o.Uid, o.ApiVersion,
            ev.Type, ev.Reason);
    }

    private static string Key(string similarKey, string? message) => similarKey + '\u001f' + message;

    private sealed class SimilarMessages
    {
        public HashSet<string> Messages { get; } = new(StringComparer.Ordinal);

        public DateTimeOffset Last { get; set; }
    }

    private sealed record Observation(string Name, int Count, DateTime? FirstTimestamp);
}

/// <summary>The Event to write and whether it updates one written before (a PATCH) instead of creating one.</summary>
internal readonly record struct EventCorrelation(Corev1Event Event, bool IsUpdate);
