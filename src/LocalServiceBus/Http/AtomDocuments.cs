using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using LocalServiceBus.Config;
using LocalServiceBus.Entities;

namespace LocalServiceBus.Http;

/// <summary>
/// The ATOM documents <c>ServiceBusAdministrationClient</c> reads: an entry per queue, topic or subscription whose
/// content is the entity description with its <c>CountDetails</c>, and feeds of entries for listings.
/// </summary>
internal static class AtomDocuments
{
    public const string ContentType = "application/atom+xml;type=entry;charset=utf-8";
    public const string FeedContentType = "application/atom+xml;type=feed;charset=utf-8";
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace Sb = "http://schemas.microsoft.com/netservices/2010/10/servicebus/connect";
    public static readonly XNamespace Counts = "http://schemas.microsoft.com/netservices/2011/06/servicebus";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static XElement QueueEntry(string baseUri, MessageEntity queue) =>
        Entry(baseUri, queue.Path, queue.CreatedAt, new XElement(Sb + "QueueDescription",
            MessageEntityElements(queue, includeDuplicateDetection: true)));

    public static XElement SubscriptionEntry(string baseUri, Subscription subscription) =>
        Entry(baseUri, subscription.Name, subscription.Entity.CreatedAt, new XElement(Sb + "SubscriptionDescription",
            MessageEntityElements(subscription.Entity, includeDuplicateDetection: false)));

    public static XElement TopicEntry(string baseUri, Topic topic)
    {
        var counts = topic.Subscriptions.Select(s => s.Entity.Counts()).ToList();
        return Entry(baseUri, topic.Name, topic.CreatedAt, new XElement(Sb + "TopicDescription",
            new XElement(Sb + "DefaultMessageTimeToLive", XmlConvert.ToString(topic.Properties.DefaultMessageTimeToLive)),
            new XElement(Sb + "MaxSizeInMegabytes", 100),
            new XElement(Sb + "RequiresDuplicateDetection", Bool(topic.Properties.RequiresDuplicateDetection)),
            new XElement(Sb + "DuplicateDetectionHistoryTimeWindow", XmlConvert.ToString(topic.Properties.DuplicateDetectionHistoryTimeWindow)),
            new XElement(Sb + "EnableBatchedOperations", "true"),
            new XElement(Sb + "SizeInBytes", counts.Sum(c => c.SizeInBytes)),
            new XElement(Sb + "Status", "Active"),
            Times(topic.CreatedAt, topic.CreatedAt),
            new XElement(Sb + "SubscriptionCount", topic.Subscriptions.Count),
            new XElement(Sb + "CountDetails",
                new XElement(Counts + "ActiveMessageCount", 0),
                new XElement(Counts + "DeadLetterMessageCount", 0),
                new XElement(Counts + "ScheduledMessageCount", counts.Sum(c => c.Scheduled)),
                new XElement(Counts + "TransferMessageCount", 0),
                new XElement(Counts + "TransferDeadLetterMessageCount", 0)),
            new XElement(Sb + "AutoDeleteOnIdle", "P10675199DT2H48M5.4775807S"),
            new XElement(Sb + "EnablePartitioning", "false"),
            new XElement(Sb + "EnableExpress", "false")));
    }

    public static XElement Feed(string baseUri, string title, IEnumerable<XElement> entries) =>
        new(Atom + "feed",
            new XElement(Atom + "title", new XAttribute("type", "text"), title),
            new XElement(Atom + "id", baseUri + title),
            new XElement(Atom + "updated", XmlConvert.ToString(DateTimeOffset.UnixEpoch)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", baseUri + title)),
            entries);

    /// <summary>Reads the entity properties of a create/update body (QueueDescription or SubscriptionDescription).</summary>
    public static EntityProperties ReadProperties(XElement? description)
    {
        var result = new EntityProperties();
        if (description is null)
        {
            return result;
        }

        string? Value(string name) => description.Element(Sb + name)?.Value;
        TimeSpan Duration(string name, TimeSpan fallback) => Value(name) is { } v ? XmlConvert.ToTimeSpan(v) : fallback;
        return result with
        {
            LockDuration = Duration("LockDuration", result.LockDuration),
            DefaultMessageTimeToLive = Min(Duration("DefaultMessageTimeToLive", result.DefaultMessageTimeToLive), EmulatorLimits.MaxMessageTimeToLive),
            DuplicateDetectionHistoryTimeWindow = Duration("DuplicateDetectionHistoryTimeWindow", result.DuplicateDetectionHistoryTimeWindow),
            MaxDeliveryCount = Value("MaxDeliveryCount") is { } m ? int.Parse(m, CultureInfo.InvariantCulture) : result.MaxDeliveryCount,
            DeadLetteringOnMessageExpiration = Value("DeadLetteringOnMessageExpiration") is { } d && bool.Parse(d),
            RequiresSession = Value("RequiresSession") is { } s && bool.Parse(s),
            RequiresDuplicateDetection = Value("RequiresDuplicateDetection") is { } r && bool.Parse(r),
            ForwardTo = Value("ForwardTo") ?? "",
            ForwardDeadLetteredMessagesTo = Value("ForwardDeadLetteredMessagesTo") ?? "",
        };
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static object[] MessageEntityElements(MessageEntity entity, bool includeDuplicateDetection)
    {
        var p = entity.Properties;
        var counts = entity.Counts();
        var elements = new List<object>
        {
            new XElement(Sb + "LockDuration", XmlConvert.ToString(p.LockDuration)),
        };
        if (includeDuplicateDetection)
        {
            elements.Add(new XElement(Sb + "MaxSizeInMegabytes", 100));
            elements.Add(new XElement(Sb + "RequiresDuplicateDetection", Bool(p.RequiresDuplicateDetection)));
        }

        elements.Add(new XElement(Sb + "RequiresSession", Bool(p.RequiresSession)));
        elements.Add(new XElement(Sb + "DefaultMessageTimeToLive", XmlConvert.ToString(p.DefaultMessageTimeToLive)));
        elements.Add(new XElement(Sb + "DeadLetteringOnMessageExpiration", Bool(p.DeadLetteringOnMessageExpiration)));
        if (includeDuplicateDetection)
        {
            elements.Add(new XElement(Sb + "DuplicateDetectionHistoryTimeWindow", XmlConvert.ToString(p.DuplicateDetectionHistoryTimeWindow)));
        }

        elements.Add(new XElement(Sb + "MaxDeliveryCount", p.MaxDeliveryCount));
        elements.Add(new XElement(Sb + "EnableBatchedOperations", "true"));
        elements.Add(new XElement(Sb + "SizeInBytes", counts.SizeInBytes));
        elements.Add(new XElement(Sb + "MessageCount", counts.Total + counts.DeadLetter));
        elements.Add(new XElement(Sb + "Status", "Active"));
        elements.Add(Times(entity.CreatedAt, counts.AccessedAt));
        elements.Add(new XElement(Sb + "CountDetails",
            new XElement(Counts + "ActiveMessageCount", counts.Active),
            new XElement(Counts + "DeadLetterMessageCount", counts.DeadLetter),
            new XElement(Counts + "ScheduledMessageCount", counts.Scheduled),
            new XElement(Counts + "TransferMessageCount", 0),
            new XElement(Counts + "TransferDeadLetterMessageCount", 0)));
        elements.Add(new XElement(Sb + "AutoDeleteOnIdle", "P10675199DT2H48M5.4775807S"));
        if (includeDuplicateDetection)
        {
            elements.Add(new XElement(Sb + "EnablePartitioning", "false"));
        }

        if (p.ForwardTo.Length > 0)
        {
            elements.Add(new XElement(Sb + "ForwardTo", p.ForwardTo));
        }

        if (p.ForwardDeadLetteredMessagesTo.Length > 0)
        {
            elements.Add(new XElement(Sb + "ForwardDeadLetteredMessagesTo", p.ForwardDeadLetteredMessagesTo));
        }

        if (includeDuplicateDetection)
        {
            elements.Add(new XElement(Sb + "EnableExpress", "false"));
        }

        return [.. elements];
    }

    private static XElement[] Times(DateTimeOffset created, DateTimeOffset accessed) =>
    [
        new XElement(Sb + "CreatedAt", XmlConvert.ToString(created)),
        new XElement(Sb + "UpdatedAt", XmlConvert.ToString(created)),
        new XElement(Sb + "AccessedAt", XmlConvert.ToString(accessed == default ? created : accessed)),
    ];

    private static XElement Entry(string baseUri, string title, DateTimeOffset created, XElement description)
    {
        description.Add(new XAttribute(XNamespace.Xmlns + "i", Xsi));
        return new XElement(Atom + "entry",
            new XElement(Atom + "id", baseUri + title),
            new XElement(Atom + "title", new XAttribute("type", "text"), title),
            new XElement(Atom + "published", XmlConvert.ToString(created)),
            new XElement(Atom + "updated", XmlConvert.ToString(created)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", baseUri + title)),
            new XElement(Atom + "content", new XAttribute("type", "application/xml"), description));
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
