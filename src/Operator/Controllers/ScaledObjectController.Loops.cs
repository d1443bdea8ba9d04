using Operator.Api;

namespace Operator.Controllers;

/// <summary>The scale loop of each ScaledObject: started per generation, nudged once its scale target is known, stopped on delete.</summary>
internal sealed partial class ScaledObjectController
{
    private void StartLoop(string key, ScaledObject so)
    {
        var generation = so.Metadata.Generation ?? 0;
        lock (_loopGenerations)
        {
            if (_loopGenerations.TryGetValue(key, out var running) && running == generation && _loops.Contains(key))
            {
                return;
            }

            _loopGenerations[key] = generation;
            if (so.Status?.ScaleTargetGvkr is null)
            {
                _loopsAwaitingTarget.Add(key);
            }
        }

        _loops.Start(key);
    }

    // A loop started in the first reconcile polls the cached object, which does not name its scale target until this
    // reconcile's status write comes back through the informer (a status-only change, no reconcile); without this
    // poll the loop would wait a whole pollingInterval (and push scalers would not watch) before its first decision.
    private void PollWhenTargetKnown(string key, ScaledObject so)
    {
        if (so.Status?.ScaleTargetGvkr is null)
        {
            return;
        }

        lock (_loopGenerations)
        {
            if (!_loopsAwaitingTarget.Remove(key))
            {
                return;
            }
        }

        if (_loops.Contains(key))
        {
            _loops.PollNow(key);
        }
    }

    private async Task StopLoopAsync(string key)
    {
        lock (_loopGenerations)
        {
            _loopGenerations.Remove(key);
            _loopsAwaitingTarget.Remove(key);
        }

        _loops.Stop(key);
        await _poller.ForgetAsync(key).ConfigureAwait(false);
    }
}
