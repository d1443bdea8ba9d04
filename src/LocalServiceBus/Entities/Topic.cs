using Amqp;
using LocalServiceBus.Config;

namespace LocalServiceBus.Entities;

/// <summary>A topic: each message goes to every subscription whose rules match it.</summary>
internal sealed class Topic(string name, EntityProperties properties, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Subscription> _subscriptions = new(StringComparer.OrdinalIgnoreCase);

    public string Name { get; } = name;

    public EntityProperties Properties { get; set; } = properties;

    public DateTimeOffset CreatedAt { get; } = time.GetUtcNow();

    public IReadOnlyList<Subscription> Subscriptions
    {
        get
        {
            lock (_gate)
            {
                return [.. _subscriptions.Values];
            }
        }
    }

    public Subscription? Find(string subscriptionName)
    {
        lock (_gate)
        {
            return _subscriptions.GetValueOrDefault(subscriptionName);
        }
    }

    public bool TryAdd(Subscription subscription)
    {
        lock (_gate)
        {
            return _subscriptions.Count < EmulatorLimits.MaxSubscriptionsPerTopic && _subscriptions.TryAdd(subscription.Name, subscription);
        }
    }

    public bool Remove(string subscriptionName)
    {
        lock (_gate)
        {
            return _subscriptions.Remove(subscriptionName);
        }
    }

    /// <summary>Fans a message out; returns how many subscriptions took it.</summary>
    public int Publish(Message decoded, byte[] encoded, TimeSpan? timeToLive, DateTimeOffset? scheduledFor)
    {
        var taken = 0;
        foreach (var subscription in Subscriptions)
        {
            if (subscription.Rules.Count == 0 || subscription.Rules.Any(r => r.Matches(decoded)))
            {
                subscription.Entity.Enqueue(encoded, timeToLive, scheduledFor);
                taken++;
            }
        }

        return taken;
    }
}
