using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using EmbeddedKubernetes.Logs;
using EmbeddedKubernetes.Resources;
using Microsoft.AspNetCore.Http;

namespace EmbeddedKubernetes.Api;

/// <summary>
/// <c>GET pods/{name}/log</c> with kubelet's options: container, follow, previous, tailLines, sinceSeconds,
/// sinceTime, timestamps, limitBytes. Output comes from the registered pod runtime (<see cref="PodLogSources"/>);
/// a follow ends when the container's run ends (the process exited or the pod was deleted).
/// </summary>
internal sealed class PodLogEndpoint
{
    private readonly ObjectService _objects;
    private readonly PodLogSources _sources;
    private readonly TimeProvider _time;

    public PodLogEndpoint(ObjectService objects, PodLogSources sources, TimeProvider time)
    {
        _objects = objects;
        _sources = sources;
        _time = time;
    }

    public async Task HandleAsync(HttpContext context, ResourceType pods, string ns, string name)
    {
        var found = _objects.Get(pods, ns, name);
        if (!found.Ok)
        {
            await HttpIo.WriteResultAsync(context, found);
            return;
        }

        var (request, error) = PodLogRequest.Parse(context.Request.Query, found.Body!, name, _time.GetUtcNow());
        if (error is not null)
        {
            await HttpIo.WriteErrorAsync(context, ApiError.BadRequest(error));
            return;
        }

        var source = _sources.Current;
        var log = source?.GetLog(ns, name, request!.Container, request.Previous);
        if (source is not null && log is null)
        {
            await HttpIo.WriteErrorAsync(context, ApiError.BadRequest(request!.Previous
                ? $"previous terminated container \"{request.Container}\" in pod \"{name}\" not found"
                : $"container \"{request.Container}\" in pod \"{name}\" is waiting to start: {WaitingReason(found.Body!, request.Container)}"));
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/plain";
        if (log is not null)
        {
            await WriteAsync(context, log, request!);
        }
    }

    private static async Task WriteAsync(HttpContext context, ContainerLog log, PodLogRequest request)
    {
        var token = context.RequestAborted;
        var (lines, ended, changed) = log.Read(0);
        var selected = lines.Where(l => request.Since is null || l.Time >= request.Since).ToList();
        if (request.TailLines is { } tail)
        {
            selected = selected.Skip(Math.Max(0, selected.Count - tail)).ToList();
        }

        var budget = request.LimitBytes ?? long.MaxValue;
        var next = lines.Count > 0 ? lines[^1].Sequence + 1 : 0;
        budget -= await WriteLinesAsync(context, selected, request.Timestamps, budget);
        while (request.Follow && !ended && budget > 0 && !token.IsCancellationRequested)
        {
            await context.Response.Body.FlushAsync(token);
            await changed.WaitAsync(token);
            (lines, ended, changed) = log.Read(next);
            if (lines.Count > 0)
            {
                next = lines[^1].Sequence + 1;
                budget -= await WriteLinesAsync(context, lines, request.Timestamps, budget);
            }
        }
    }

    private static async Task<long> WriteLinesAsync(HttpContext context, IReadOnlyList<LogLine> lines, bool timestamps, long budget)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            if (timestamps)
            {
                text.Append(FormatTimestamp(line.Time)).Append(' ');
            }

            text.Append(line.Text).Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var length = (int)Math.Min(bytes.Length, budget);
        await context.Response.Body.WriteAsync(bytes.AsMemory(0, length), context.RequestAborted);
        return length;
    }

    /// <summary>Go's RFC3339Nano: fractional seconds without trailing zeros.</summary>
    internal static string FormatTimestamp(DateTimeOffset time)
    {
        var text = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture).TrimEnd('0').TrimEnd('.');
        return text + "Z";
    }

    private static string WaitingReason(JsonObject pod, string container) =>
        (pod["status"]?["containerStatuses"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(s => s["name"]?.GetValue<string>() == container)
            .Select(s => s["state"]?["waiting"]?["reason"]?.GetValue<string>())
            .FirstOrDefault(r => r is not null)
        ?? pod["status"]?["reason"]?.GetValue<string>()
        ?? "ContainerCreating";
}
