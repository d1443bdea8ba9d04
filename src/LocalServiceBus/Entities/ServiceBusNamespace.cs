using LocalServiceBus.Config;

namespace LocalServiceBus.Entities;

/// <summary>
/// The one namespace: its queues and topics (names case-insensitive, as the service), entity addresses as the SDK
/// writes them, and one timer that expires locks, TTLs and scheduled messages across all entities.
/// </summary>
internal sealed class ServiceBusNamespace : IDisposable
{
    private const string DeadLetterSuffix = "/$deadletterqueue";
    private const string SubscriptionsSegment = "/Subscriptions/";
    private readonly Lock _gate = new();
    private readonly Dictionary<string, MessageEntity> _queues = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Topic> _topics = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _time;
    private readonly ITimer _sweep;

    public ServiceBusNamespace(EmulatorConfig config, TimeProvider time, TimeSpan sweepInterval)
    {
        _time = time;
        Name = config.NamespaceName;
        foreach (var queue in config.Queues)
        {
            _queues[queue.Name] = new MessageEntity(queue.Name, queue.Properties, time);
        }

        foreach (var definition in config.Topics)
        {
            var topic = new Topic(definition.Name, new EntityProperties(), time);
            foreach (var sub in definition.Subscriptions)
            {
                topic.TryAdd(NewSubscription(topic.Name, sub.Name, sub.Properties, sub.Rules));
            }

            _topics[topic.Name] = topic;
        }

        _sweep = time.CreateTimer(_ => Sweep(), null, sweepInterval, sweepInterval);
    }

    public string Name { get; }

    public IReadOnlyList<MessageEntity> Queues
    {
        get
        {
            lock (_gate)
            {
                return [.. _queues.Values.OrderBy(q => q.Path, StringComparer.OrdinalIgnoreCase)];
            }
        }
    }

    public IReadOnlyList<Topic> Topics
    {
        get
        {
            lock (_gate)
            {
                return [.. _topics.Values.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)];
            }
        }
    }

    public MessageEntity? FindQueue(string name)
    {
        lock (_gate)
        {
            return _queues.GetValueOrDefault(name);
        }
    }

    public Topic? FindTopic(string name)
    {
        lock (_gate)
        {
            return _topics.GetValueOrDefault(name);
        }
    }

    /// <summary>The entity a receiver address names: <c>orders</c>, <c>t/Subscriptions/s</c>, either with <c>/$deadletterqueue</c>.</summary>
    public MessageEntity? FindReceivable(string address)
    {
        address = address.Trim('/');
        var deadLetter = address.EndsWith(DeadLetterSuffix, StringComparison.OrdinalIgnoreCase);
        if (deadLetter)
        {
            address = address[..^DeadLetterSuffix.Length];
        }

        var split = address.IndexOf(SubscriptionsSegment, StringComparison.OrdinalIgnoreCase);
        var entity = split < 0
            ? FindQueue(address)
            : FindTopic(address[..split])?.Find(address[(split + SubscriptionsSegment.Length)..])?.Entity;
        return deadLetter ? entity?.DeadLetterQueue : entity;
    }

    public bool TryCreateQueue(string name, EntityProperties properties)
    {
        lock (_gate)
        {
            return !_topics.ContainsKey(name) && _queues.Count + _topics.Count < EmulatorLimits.MaxEntities
                && _queues.TryAdd(name, new MessageEntity(name, properties, _time));
        }
    }

    public bool TryCreateTopic(string name, EntityProperties properties)
    {
        lock (_gate)
        {
            return !_queues.ContainsKey(name) && _queues.Count + _topics.Count < EmulatorLimits.MaxEntities
                && _topics.TryAdd(name, new Topic(name, properties, _time));
        }
    }

    public Subscription NewSubscription(string topic, string name, EntityProperties properties, IReadOnlyList<RuleDefinition> rules) =>
        new(topic, name, new MessageEntity($"{topic}/Subscriptions/{name}", properties, _time), rules.Select(r => new SubscriptionRule(r)).ToList());

    public bool Delete(string name)
    {
        lock (_gate)
        {
            return _queues.Remove(name) || _topics.Remove(name);
        }
    }

    public void Sweep()
    {
        foreach (var queue in Queues)
        {
            queue.Sweep();
            queue.DeadLetterQueue?.Sweep();
        }

        foreach (var subscription in Topics.SelectMany(t => t.Subscriptions))
        {
            subscription.Entity.Sweep();
            subscription.Entity.DeadLetterQueue?.Sweep();
        }
    }

    public void Dispose() => _sweep.Dispose();
}
