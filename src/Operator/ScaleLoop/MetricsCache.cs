using System.Collections.Concurrent;
using Operator.Scalers;

namespace Operator.ScaleLoop;

/// <summary>The last poll's result per ScaledObject metric (KEDA's metrics cache behind <c>useCachedMetrics</c>).</summary>
internal sealed class MetricsCache
{
    private readonly ConcurrentDictionary<string, ScalerResult> _results = new(StringComparer.OrdinalIgnoreCase);

    public void Store(string key, string metricName, ScalerResult result) => _results[$"{key}|{metricName}"] = result;

    public bool TryGet(string key, string metricName, out ScalerResult result) => _results.TryGetValue($"{key}|{metricName}", out result!);

    public void Forget(string key)
    {
        foreach (var name in _results.Keys.Where(k => k.StartsWith(key + "|", StringComparison.OrdinalIgnoreCase)).ToArray())
        {
            _results.TryRemove(name, out _);
        }
    }
}
