namespace Operator.Scalers;

/// <summary>
/// A scaler that can observe its source continuously (beyond KEDA's polling; KEDA's own <c>PushScaler</c> is the
/// model): while the scale loop wants it, typically while the ScaledObject sits at zero replicas, it watches the
/// source cheaply and calls the signal the moment something may have changed, so the loop polls at once instead of
/// waiting for <c>pollingInterval</c>. A signal is only a hint: the loop still decides from
/// <see cref="IScaler.GetMetricsAndActivityAsync"/>.
/// </summary>
public interface IPushScaler : IScaler
{
    /// <summary>
    /// Starts watching the source; <paramref name="signal"/> may be called from any thread, any number of times
    /// (the loop coalesces). Disposing the returned handle stops watching and releases what the watch holds.
    /// Must not throw for source failures: a watch that cannot reach its source simply does not signal.
    /// </summary>
    IAsyncDisposable WatchForActivity(Action signal);
}
