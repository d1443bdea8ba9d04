using System.Globalization;
using System.Xml.Linq;
using LocalServiceBus.Entities;
using LocalServiceBus.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LocalServiceBus.Http;

/// <summary>
/// The emulator's HTTP port: <c>/health</c> and the ATOM management API the admin client uses (get, list, create,
/// delete queues, topics and subscriptions, with runtime counts). Every call but <c>/health</c> needs a valid SAS token.
/// </summary>
internal sealed class ManagementApi(ServiceBusNamespace ns, SasTokenValidator validator, ILogger logger)
{
    private const string Subscriptions = "Subscriptions";

    public void Map(WebApplication app)
    {
        app.MapGet("/health", () => Results.Json(new { status = "healthy", message = "Service is healthy." }));
        app.MapMethods("/{**path}", ["GET", "PUT", "DELETE"], Handle);
    }

    private async Task<IResult> Handle(HttpContext context, string path)
    {
        var request = context.Request;
        var check = validator.Check(request.Headers.Authorization.ToString());
        if (check != SasTokenCheck.Valid)
        {
            var reason = request.Headers.Authorization.Count == 0 ? "no Authorization header" : Amqp.CbsEndpoint.Describe(check);
            LocalServiceBusLog.HttpRefused(logger, request.Method, "/" + path, reason);
            return Error(401, $"Unauthorized: {reason}.");
        }

        var baseUri = $"{request.Scheme}://{request.Host}/";
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var skip = int.TryParse(request.Query["$skip"], CultureInfo.InvariantCulture, out var s) ? s : 0;
        var top = int.TryParse(request.Query["$top"], CultureInfo.InvariantCulture, out var t) ? t : 100;
        switch (segments)
        {
            case ["$Resources", var kind] when HttpMethods.IsGet(request.Method):
                return kind.Equals("queues", StringComparison.OrdinalIgnoreCase)
                    ? Feed(baseUri, "Queues", ns.Queues.Skip(skip).Take(top).Select(q => AtomDocuments.QueueEntry(baseUri, q)))
                    : Feed(baseUri, "Topics", ns.Topics.Skip(skip).Take(top).Select(x => AtomDocuments.TopicEntry(baseUri, x)));
            case [var topicName, var sub] when sub.Equals(Subscriptions, StringComparison.OrdinalIgnoreCase) && HttpMethods.IsGet(request.Method):
                return ns.FindTopic(topicName) is { } listed
                    ? Feed(baseUri, Subscriptions, listed.Subscriptions.Skip(skip).Take(top).Select(x => AtomDocuments.SubscriptionEntry(baseUri, x)))
                    : NotFound(topicName);
            case [var topicName, var sub, var name] when sub.Equals(Subscriptions, StringComparison.OrdinalIgnoreCase):
                return await SubscriptionAsync(context, baseUri, topicName, name);
            case [var name]:
                return await EntityAsync(context, baseUri, name);
            default:
                return Error(400, $"The path '/{path}' is not a management resource of the local Service Bus.");
        }
    }

    private async Task<IResult> EntityAsync(HttpContext context, string baseUri, string name)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method))
        {
            return ns.FindQueue(name) is { } queue ? Entry(AtomDocuments.QueueEntry(baseUri, queue))
                : ns.FindTopic(name) is { } topic ? Entry(AtomDocuments.TopicEntry(baseUri, topic))
                : NotFound(name);
        }

        if (HttpMethods.IsDelete(method))
        {
            LocalServiceBusLog.EntityChanged(logger, "delete", name);
            return ns.Delete(name) ? Results.Ok() : NotFound(name);
        }

        var description = await ReadDescriptionAsync(context);
        var properties = AtomDocuments.ReadProperties(description);
        var isTopic = description?.Name.LocalName == "TopicDescription";
        var update = context.Request.Headers.IfMatch.Count > 0;
        if (update)
        {
            if (ns.FindQueue(name) is { } existingQueue)
            {
                existingQueue.Properties = properties;
                return Entry(AtomDocuments.QueueEntry(baseUri, existingQueue));
            }

            return ns.FindTopic(name) is { } existingTopic ? Entry(AtomDocuments.TopicEntry(baseUri, existingTopic)) : NotFound(name);
        }

        var created = isTopic ? ns.TryCreateTopic(name, properties) : ns.TryCreateQueue(name, properties);
        if (!created)
        {
            return Error(409, $"The messaging entity '{name}' already exists, or the namespace holds its limit of entities.");
        }

        LocalServiceBusLog.EntityChanged(logger, isTopic ? "create topic" : "create queue", name);
        return isTopic ? Entry(AtomDocuments.TopicEntry(baseUri, ns.FindTopic(name)!), 201) : Entry(AtomDocuments.QueueEntry(baseUri, ns.FindQueue(name)!), 201);
    }

    private async Task<IResult> SubscriptionAsync(HttpContext context, string baseUri, string topicName, string name)
    {
        if (ns.FindTopic(topicName) is not { } topic)
        {
            return NotFound(topicName);
        }

        var method = context.Request.Method;
        var entityPath = $"{topicName}/Subscriptions/{name}";
        if (HttpMethods.IsGet(method))
        {
            return topic.Find(name) is { } found ? Entry(AtomDocuments.SubscriptionEntry(baseUri, found)) : NotFound(entityPath);
        }

        if (HttpMethods.IsDelete(method))
        {
            LocalServiceBusLog.EntityChanged(logger, "delete subscription", entityPath);
            return topic.Remove(name) ? Results.Ok() : NotFound(entityPath);
        }

        var properties = AtomDocuments.ReadProperties(await ReadDescriptionAsync(context));
        if (context.Request.Headers.IfMatch.Count > 0 && topic.Find(name) is { } existing)
        {
            existing.Entity.Properties = properties;
            return Entry(AtomDocuments.SubscriptionEntry(baseUri, existing));
        }

        var subscription = ns.NewSubscription(topicName, name, properties, []);
        if (!topic.TryAdd(subscription))
        {
            return Error(409, $"The subscription '{name}' already exists on '{topicName}', or the topic holds its limit of subscriptions.");
        }

        LocalServiceBusLog.EntityChanged(logger, "create subscription", entityPath);
        return Entry(AtomDocuments.SubscriptionEntry(baseUri, subscription), 201);
    }

    private static async Task<XElement?> ReadDescriptionAsync(HttpContext context)
    {
        var document = await XDocument.LoadAsync(context.Request.Body, LoadOptions.None, context.RequestAborted);
        return document.Root?.Element(AtomDocuments.Atom + "content")?.Elements().FirstOrDefault();
    }

    private static IResult Entry(XElement entry, int status = 200) =>
        Results.Text(entry.ToString(SaveOptions.DisableFormatting), AtomDocuments.ContentType, statusCode: status);

    private static IResult Feed(string baseUri, string title, IEnumerable<XElement> entries) =>
        Results.Text(AtomDocuments.Feed(baseUri, title, entries).ToString(SaveOptions.DisableFormatting), AtomDocuments.FeedContentType);

    private IResult NotFound(string name) => Error(404, $"The messaging entity '{ns.Name}/{name}' could not be found.");

    private static IResult Error(int status, string detail) =>
        Results.Text(new XElement("Error", new XElement("Code", status), new XElement("Detail", detail)).ToString(), "application/xml", statusCode: status);
}
