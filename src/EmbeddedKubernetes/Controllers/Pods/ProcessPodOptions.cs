namespace EmbeddedKubernetes.Controllers.Pods;

/// <summary>How a container image maps to a local program.</summary>
public sealed class ProcessTemplate
{
    /// <summary>The program to run (path or a name on PATH).</summary>
    public required string Executable { get; init; }

    /// <summary>Arguments before the container's own args.</summary>
    public IList<string> Arguments { get; init; } = [];

    /// <summary>Environment added before the pod's env (the pod's env wins).</summary>
    public IDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public string? WorkingDirectory { get; init; }
}

/// <summary>Options of <see cref="ProcessPodRuntime"/>.</summary>
public sealed class ProcessPodOptions
{
    /// <summary>
    /// Image (with or without tag) → program. A container whose image is not listed but which has a command
    /// runs that command directly; otherwise the pod stays Pending with reason ImagePullBackOff naming the image.
    /// </summary>
    public IDictionary<string, ProcessTemplate> Images { get; } = new Dictionary<string, ProcessTemplate>(StringComparer.Ordinal);

    /// <summary>How often HTTP readiness probes run (overrides the probe's periodSeconds so tests stay fast).</summary>
    public TimeSpan ProbePeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Delay before restarting a container whose restartPolicy asks for it.</summary>
    public TimeSpan RestartDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Lines of output kept per pod.</summary>
    public int LogLines { get; set; } = 200;

    public void Validate()
    {
        if (ProbePeriod <= TimeSpan.Zero)
        {
            throw new ArgumentException($"ProcessPodOptions.ProbePeriod must be positive; got {ProbePeriod}.");
        }

        if (RestartDelay < TimeSpan.Zero)
        {
            throw new ArgumentException($"ProcessPodOptions.RestartDelay must be zero or positive; got {RestartDelay}.");
        }

        foreach (var (image, template) in Images)
        {
            if (string.IsNullOrWhiteSpace(template.Executable))
            {
                throw new ArgumentException($"ProcessPodOptions.Images[\"{image}\"].Executable is empty; name the program to run.");
            }
        }
    }
}
