using System.Globalization;
using System.Text.Json.Nodes;
using EmbeddedKubernetes.Api;
using EmbeddedKubernetes.Resources;

namespace EmbeddedKubernetes.Aggregation;

/// <summary>Keeps APIService status.conditions[Available] current, as kube-apiserver's availability controller does.</summary>
internal sealed class ApiServiceMonitor
{
    private readonly ObjectService _objects;
    private readonly ApiServiceProxy _proxy;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;

    public ApiServiceMonitor(ObjectService objects, ApiServiceProxy proxy, TimeProvider time, TimeSpan interval)
    {
        _objects = objects;
        _proxy = proxy;
        _time = time;
        _interval = interval;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_interval, _time);
        try
        {
            do
            {
                await CheckAllAsync(cancellationToken);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    public async Task CheckAllAsync(CancellationToken cancellationToken)
    {
        var type = _objects.Registry.FindStorage(BackendResolver.ApiServices);
        if (type is null)
        {
            return;
        }

        foreach (var stored in _objects.Store.List(BackendResolver.ApiServices, null).Items)
        {
            var node = stored.ToNode();
            var (available, reason, message) = await _proxy.ProbeAsync(node, cancellationToken);
            var status = available ? "True" : "False";
            var existing = (node["status"]?["conditions"] as JsonArray ?? []).OfType<JsonObject>()
                .FirstOrDefault(c => c["type"]?.GetValue<string>() == "Available");
            if (existing?["status"]?.GetValue<string>() == status && existing["reason"]?.GetValue<string>() == reason
                && existing["message"]?.GetValue<string>() == message)
            {
                continue;
            }

            node["status"] = new JsonObject
            {
                ["conditions"] = new JsonArray(new JsonObject
                {
                    ["type"] = "Available",
                    ["status"] = status,
                    ["lastTransitionTime"] = _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    ["reason"] = reason,
                    ["message"] = message,
                }),
            };
            _objects.Update(type, "", stored.Name, node, Subresource.Status, WriteOptions.Default);
        }
    }
}
