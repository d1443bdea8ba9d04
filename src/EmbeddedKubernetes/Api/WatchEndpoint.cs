using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmbeddedKubernetes.Resources;
using EmbeddedKubernetes.Storage;
using EmbeddedKubernetes.Tables;
using Microsoft.AspNetCore.Http;

namespace EmbeddedKubernetes.Api;

/// <summary>
/// ?watch=true: a chunked stream of one JSON event per line, flushed per event, in resourceVersion order.
/// resourceVersion unset/"0" starts with synthetic ADDED events; N resumes after N or answers one 410 Expired
/// ERROR event when N left the history window. Bookmarks, timeoutSeconds and sendInitialEvents are honoured.
/// </summary>
internal sealed class WatchEndpoint
{
    private readonly ObjectStore _store;
    private readonly TableBuilder _tables;
    private readonly TimeProvider _time;
    private readonly TimeSpan _bookmarkInterval;
    private readonly TimeSpan _defaultTimeout;

    public WatchEndpoint(ObjectStore store, TableBuilder tables, TimeProvider time, TimeSpan bookmarkInterval, TimeSpan defaultTimeout)
    {
        _store = store;
        _tables = tables;
        _time = time;
        _bookmarkInterval = bookmarkInterval;
        _defaultTimeout = defaultTimeout;
    }

    public static byte[] Bytes(ResourceType type, StoredObject stored)
    {
        if (stored.ApiVersion == type.GroupVersion)
        {
            return stored.Json;
        }

        return JsonSerializer.SerializeToUtf8Bytes(ObjectService.Present(type, stored));
    }

    public async Task HandleAsync(HttpContext context, ResourceType type, string? ns)
    {
        var filter = ListEndpoint.Filter(context, type, out var error);
        if (filter is null)
        {
            await HttpIo.WriteErrorAsync(context, error!);
            return;
        }

        var rvText = HttpIo.Query(context, "resourceVersion");
        long? from = long.TryParse(rvText, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        var sendInitial = HttpIo.Query(context, "sendInitialEvents") == "true";
        if (sendInitial)
        {
            from = null;
        }

        var subscription = _store.Watch(type.GroupResource, type.Namespaced ? ns : null, filter, from);
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        var table = HttpIo.WantsTable(context);
        if (subscription is null)
        {
            // kube-apiserver answers 200 and one ERROR event carrying the 410 Status, then ends the stream.
            var expired = ApiError.Expired(from!.Value, _store.CurrentResourceVersion).ToStatus();
            await WriteLineAsync(context, "ERROR", JsonSerializer.SerializeToUtf8Bytes(expired));
            return;
        }

        var timeout = int.TryParse(HttpIo.Query(context, "timeoutSeconds"), CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : _defaultTimeout;
        using var timeoutSource = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, context.RequestAborted);
        var bookmarks = HttpIo.QueryFlag(context, "allowWatchBookmarks");
        using var bookmarkTimer = new PeriodicTimer(_bookmarkInterval, _time);
        try
        {
            await context.Response.StartAsync(linked.Token);
            await context.Response.Body.FlushAsync(linked.Token);
            var lastSent = from ?? 0;
            var initialPending = sendInitial;
            Task<bool>? tick = null;
            Task<bool>? wait = null;
            while (true)
            {
                // Initial events (current objects or replayed history) come before anything live.
                while (subscription.TryReadInitial(out var change) || subscription.Reader.TryRead(out change))
                {
                    lastSent = Math.Max(lastSent, change.ResourceVersion);
                    await WriteEventAsync(context, type, change, table);
                }

                if (initialPending)
                {
                    initialPending = false;
                    await WriteBookmarkAsync(context, type, _store.BookmarkVersion(subscription, lastSent), initialEventsEnd: true);
                }

                await context.Response.Body.FlushAsync(linked.Token);
                wait ??= subscription.Reader.WaitToReadAsync(linked.Token).AsTask();
                if (bookmarks)
                {
                    tick ??= bookmarkTimer.WaitForNextTickAsync(linked.Token).AsTask();
                    if (await Task.WhenAny(wait, tick) == tick)
                    {
                        await tick;
                        tick = null;
                        await WriteBookmarkAsync(context, type, _store.BookmarkVersion(subscription, lastSent), initialEventsEnd: false);
                        continue;
                    }
                }

                var more = await wait;
                wait = null;
                if (!more)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // timeoutSeconds elapsed or the client went away: the stream simply ends.
        }
        finally
        {
            _store.Unwatch(subscription);
        }
    }

    private async Task WriteEventAsync(HttpContext context, ResourceType type, WatchEvent change, bool table)
    {
        var payload = Bytes(type, change.Object);
        if (table)
        {
            var node = ObjectService.Present(type, change.Object);
            var rendered = _tables.Build(type, [node], HttpIo.Query(context, "includeObject") ?? "Metadata",
                new JsonObject { ["resourceVersion"] = change.ResourceVersion.ToString(CultureInfo.InvariantCulture) });
            payload = JsonSerializer.SerializeToUtf8Bytes(rendered);
        }

        await WriteLineAsync(context, WatchEvent.Wire(change.Type), payload);
    }

    private static Task WriteBookmarkAsync(HttpContext context, ResourceType type, long resourceVersion, bool initialEventsEnd)
    {
        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture) };
        if (initialEventsEnd)
        {
            metadata["annotations"] = new JsonObject { ["k8s.io/initial-events-end"] = "true" };
        }

        var bookmark = new JsonObject { ["kind"] = type.Kind, ["apiVersion"] = type.GroupVersion, ["metadata"] = metadata };
        return WriteLineAsync(context, "BOOKMARK", JsonSerializer.SerializeToUtf8Bytes(bookmark));
    }

    private static async Task WriteLineAsync(HttpContext context, string type, byte[] payload)
    {
        var body = context.Response.Body;
        await body.WriteAsync(Encoding.UTF8.GetBytes($"{{\"type\":\"{type}\",\"object\":"));
        await body.WriteAsync(payload);
        await body.WriteAsync("}\n"u8.ToArray());
    }
}
