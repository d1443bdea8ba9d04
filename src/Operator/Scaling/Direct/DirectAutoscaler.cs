using System.Collections.Concurrent;
using k8s.Models;
using Kubernetes.Controller.Autoscaling;
using Operator.Hosting;

namespace Operator.Scaling.Direct;

/// <summary>
/// Direct mode (<c>--scaling-mode direct</c>, beyond KEDA, its issue #470): the operator runs the HPA controller's
/// algorithm itself on the HPA KEDA would have created (<see cref="Hpa.HpaBuilder"/>: the same metrics, targets,
/// min/max and <c>advanced.horizontalPodAutoscalerConfig.behavior</c>), never writing that HPA. The shared
/// <see cref="HpaAutoscaler"/> keeps the recommendations and scale events per ScaledObject between polls.
/// </summary>
internal sealed class DirectAutoscaler(TimeProvider time, OperatorOptions? options = null)
{
    private readonly HpaAutoscaler _autoscaler = new(
        options?.DirectTolerance ?? HpaDefaults.Tolerance,
        options?.DirectDownscaleStabilizationWindow ?? HpaDefaults.DownscaleStabilizationWindow,
        options?.DirectCpuInitializationPeriod ?? HpaDefaults.CpuInitializationPeriod,
        options?.DirectInitialReadinessDelay ?? HpaDefaults.InitialReadinessDelay,
        time);

    private readonly ConcurrentDictionary<string, string> _hpaKeys = new(StringComparer.Ordinal);

    /// <summary>
    /// The HPA half of a poll runs only where the HPA would act: KEDA's own decision wrote nothing (0↔1, idle,
    /// fallback and pause stay KEDA's) and the target has replicas (an HPA never scales up from zero).
    /// </summary>
    public static bool Applies(int currentReplicas, int? kedaTarget) => kedaTarget is null && currentReplicas > 0;

    /// <summary>The desired replicas from the metrics, with conditions and events as the HPA controller would record them.</summary>
    public Task<HpaDecision> DecideAsync(V2HorizontalPodAutoscaler hpa, ScaleSnapshot scale, IHpaMetricsSource metrics, CancellationToken cancellationToken) =>
        _autoscaler.DecideAsync(hpa, scale, metrics, cancellationToken);

    /// <summary>Report the <c>/scale</c> write (null error: it succeeded) so behavior policies count the change.</summary>
    public void Complete(V2HorizontalPodAutoscaler hpa, HpaDecision decision, string? error) => _autoscaler.CompleteRescale(hpa, decision, error);

    /// <summary>Remember which (never written) HPA carries the state of the ScaledObject <paramref name="scaledObjectKey"/>.</summary>
    public void Track(string scaledObjectKey, V2HorizontalPodAutoscaler hpa)
    {
        ArgumentNullException.ThrowIfNull(hpa);
        var hpaKey = HpaAutoscaler.KeyOf(hpa);
        if (_hpaKeys.TryGetValue(scaledObjectKey, out var previous) && previous != hpaKey)
        {
            _autoscaler.Forget(previous);
        }

        _hpaKeys[scaledObjectKey] = hpaKey;
    }

    /// <summary>Forget the stabilization state of a ScaledObject that was deleted or stopped.</summary>
    public void Forget(string scaledObjectKey)
    {
        if (_hpaKeys.TryRemove(scaledObjectKey, out var hpaKey))
        {
            _autoscaler.Forget(hpaKey);
        }
    }
}
