namespace EmbeddedKubernetes.Controllers.Pods;

/// <summary>How stub pods behave. Per-pod overrides come from the annotations named here.</summary>
public sealed class StubPodOptions
{
    /// <summary>Annotation overriding the exit code of a run-to-completion stub pod (0 = Succeeded).</summary>
    public const string ExitCodeAnnotation = "embedded.k8s.local/stub-exit-code";

    /// <summary>Annotation overriding the CPU usage a stub pod reports (a quantity, e.g. "250m").</summary>
    public const string CpuAnnotation = "embedded.k8s.local/stub-cpu";

    /// <summary>Annotation overriding the memory usage a stub pod reports (a quantity, e.g. "128Mi").</summary>
    public const string MemoryAnnotation = "embedded.k8s.local/stub-memory";

    /// <summary>Time from start to Ready.</summary>
    public TimeSpan ReadyDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Time from start to completion for pods whose restartPolicy is Never or OnFailure (Job pods).</summary>
    public TimeSpan CompletionDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>CPU usage reported for every stub pod, in millicores.</summary>
    public long CpuMilli { get; set; } = 5;

    /// <summary>Memory usage reported for every stub pod, in bytes.</summary>
    public long MemoryBytes { get; set; } = 32L * 1024 * 1024;

    public void Validate()
    {
        if (ReadyDelay < TimeSpan.Zero)
        {
            throw new ArgumentException($"StubPodOptions.ReadyDelay must be zero or positive; got {ReadyDelay}.");
        }

        if (CompletionDelay < TimeSpan.Zero)
        {
            throw new ArgumentException($"StubPodOptions.CompletionDelay must be zero or positive; got {CompletionDelay}.");
        }
    }
}
