namespace LocalServiceBus.Entities;

/// <summary>A topic subscription: its rules and the message entity behind it.</summary>
internal sealed class Subscription(string topicName, string name, MessageEntity entity, IReadOnlyList<SubscriptionRule> rules)
{
    public string TopicName { get; } = topicName;

    public string Name { get; } = name;

    public MessageEntity Entity { get; } = entity;

    public IReadOnlyList<SubscriptionRule> Rules { get; } = rules;
}
