using System.Globalization;

namespace Operator.Hosting;

/// <summary>
/// kube-controller-manager's HPA controller flags that direct mode takes as <c>run</c> flags (same names, same
/// defaults: <see cref="Kubernetes.Controller.Autoscaling.HpaDefaults"/>), with the ranges the operator accepts.
/// Upstream checks no range; these reject values that would silently disable scaling (a tolerance of 1 or more
/// never scales down, a zero sync period would poll without pause).
/// </summary>
public static class DirectModeFlags
{
    public const string Tolerance = "--horizontal-pod-autoscaler-tolerance";
    public const string DownscaleStabilization = "--horizontal-pod-autoscaler-downscale-stabilization";
    public const string SyncPeriod = "--horizontal-pod-autoscaler-sync-period";
    public const string CpuInitializationPeriod = "--horizontal-pod-autoscaler-cpu-initialization-period";
    public const string InitialReadinessDelay = "--horizontal-pod-autoscaler-initial-readiness-delay";

    /// <summary>The longest window or period accepted.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);

    /// <summary>The shortest sync period accepted (KEDA's smallest pollingInterval).</summary>
    public static readonly TimeSpan MinSyncPeriod = TimeSpan.FromSeconds(1);

    public static IReadOnlyList<string> All { get; } = [Tolerance, DownscaleStabilization, SyncPeriod, CpuInitializationPeriod, InitialReadinessDelay];

    /// <summary>Null when <paramref name="value"/> is an accepted tolerance, else the error naming the flag and the range.</summary>
    public static string? CheckTolerance(double value) =>
        value is >= 0 and < 1 && double.IsFinite(value)
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"{Tolerance}: {value} is out of range; accepted: a fraction from 0 up to (not including) 1, e.g. 0.1 for 10 %");

    /// <summary>Null when <paramref name="value"/> is accepted for <paramref name="flag"/>, else the error naming the flag and the range.</summary>
    public static string? CheckDuration(string flag, TimeSpan value)
    {
        var min = flag == SyncPeriod ? MinSyncPeriod : TimeSpan.Zero;
        return value >= min && value <= MaxDuration
            ? null
            : $"{flag}: {Format(value)} is out of range; accepted: a duration from {Format(min)} to {Format(MaxDuration)} (Go syntax, e.g. 30s, 5m, 1m30s)";
    }

    /// <summary>A duration as Go prints it (<c>5m0s</c>, <c>15s</c>, <c>1h0m0s</c>).</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        var sign = value < TimeSpan.Zero ? "-" : "";
        value = value.Duration();
        var seconds = (value.Seconds + (value.Milliseconds / 1000.0)).ToString("0.###", CultureInfo.InvariantCulture) + "s";
        var hours = (long)value.TotalHours;
        return hours > 0 ? $"{sign}{hours}h{value.Minutes}m{seconds}"
            : value.Minutes > 0 ? $"{sign}{value.Minutes}m{seconds}"
            : sign + seconds;
    }
}
