using System.Collections.Concurrent;
using Operator.Api;

namespace Operator.ScaleLoop;

/// <summary>
/// The built scalers per ScaledObject (KEDA's scalers cache): built on first use, rebuilt when the generation
/// changes or after a failure (credentials re-resolved), disposed when the ScaledObject goes.
/// </summary>
internal sealed class ScalerCache(ScalerFactory factory) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, BuiltScalers> _built = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public BuiltScalers Get(string key, ScaledObject so)
    {
        var generation = so.Metadata.Generation ?? 0;
        lock (_lock)
        {
            if (_built.TryGetValue(key, out var existing) && existing.Generation == generation)
            {
                return existing;
            }

            var built = factory.Build(so);
            _built[key] = built;
            if (existing is not null)
            {
                _ = existing.DisposeAsync().AsTask();
            }

            return built;
        }
    }

    public bool TryPeek(string key, out BuiltScalers built) => _built.TryGetValue(key, out built!);

    /// <summary>Drops the scalers of <paramref name="key"/> (rebuilt on next use, or gone for good).</summary>
    public async Task InvalidateAsync(string key)
    {
        if (_built.TryRemove(key, out var built))
        {
            await built.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var key in _built.Keys.ToArray())
        {
            await InvalidateAsync(key).ConfigureAwait(false);
        }
    }
}
