using System.Collections.Concurrent;
using System.Globalization;
using EmbeddedKubernetes.Logs;
using k8s.Models;
using Kubernetes.Controller.Autoscaling;

namespace EmbeddedKubernetes.Controllers.Pods;

/// <summary>
/// Pods that run nothing: Running at once, Ready after <see cref="StubPodOptions.ReadyDelay"/>; run-to-completion
/// pods (restartPolicy Never/OnFailure) terminate after <see cref="StubPodOptions.CompletionDelay"/> with exit code 0
/// or the one in the exit-code annotation. Time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class StubPodRuntime : IPodRuntime, IPodLogSource
{
    private readonly StubPodOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<(string, string), StubPod> _pods = new();

    public StubPodRuntime(StubPodOptions options, TimeProvider time)
    {
        options.Validate();
        _options = options;
        _time = time;
    }

    public event Action<string, string>? StateChanged;

    public IReadOnlyList<(string Namespace, string Name)> Pods => _pods.Keys.ToList();

    public Task StartAsync(V1Pod pod, CancellationToken cancellationToken)
    {
        var key = (pod.Metadata.NamespaceProperty ?? "default", pod.Metadata.Name);
        var now = _time.GetUtcNow();
        var stub = new StubPod(pod, new PodRuntimeState(PodPhases.Running, false, now, now));
        if (!_pods.TryAdd(key, stub))
        {
            return Task.CompletedTask;
        }

        stub.Timers.Add(_time.CreateTimer(_ => Update(key, s => s with { Ready = true, TransitionTime = _time.GetUtcNow() }),
            null, _options.ReadyDelay, Timeout.InfiniteTimeSpan));
        if (pod.Spec.RestartPolicy is "Never" or "OnFailure")
        {
            var exitCode = ExitCodeOf(pod);
            stub.Timers.Add(_time.CreateTimer(_ => Update(key, s => s with
            {
                Phase = exitCode == 0 ? PodPhases.Succeeded : PodPhases.Failed,
                Ready = false,
                TransitionTime = _time.GetUtcNow(),
                ExitCode = exitCode,
                Reason = exitCode == 0 ? "Completed" : "Error",
            }), null, _options.CompletionDelay, Timeout.InfiniteTimeSpan));
        }

        StateChanged?.Invoke(key.Item1, key.Item2);
        return Task.CompletedTask;
    }

    public Task StopAsync(string ns, string name, TimeSpan gracePeriod)
    {
        if (_pods.TryRemove((ns, name), out var stub))
        {
            stub.Dispose();
        }

        return Task.CompletedTask;
    }

    public PodRuntimeState? GetState(string ns, string name) => _pods.TryGetValue((ns, name), out var stub) ? stub.State : null;

    /// <summary>Stub containers write nothing: an empty log that has ended; no previous run.</summary>
    public ContainerLog? GetLog(string ns, string pod, string container, bool previous) =>
        !previous && _pods.ContainsKey((ns, pod)) ? ContainerLog.Empty(_time) : null;

    public PodUsage? GetUsage(string ns, string name)
    {
        if (!_pods.TryGetValue((ns, name), out var stub) || stub.State.Phase != PodPhases.Running)
        {
            return null;
        }

        var annotations = stub.Pod.Metadata.Annotations;
        var cpu = annotations?.TryGetValue(StubPodOptions.CpuAnnotation, out var c) == true ? Quantities.ToMilli(new ResourceQuantity(c)) : _options.CpuMilli;
        var memory = annotations?.TryGetValue(StubPodOptions.MemoryAnnotation, out var m) == true
            ? Quantities.ToMilli(new ResourceQuantity(m)) / 1000
            : _options.MemoryBytes;
        return new PodUsage(cpu, memory, _time.GetUtcNow(), TimeSpan.FromSeconds(30));
    }

    public ValueTask DisposeAsync()
    {
        foreach (var stub in _pods.Values)
        {
            stub.Dispose();
        }

        _pods.Clear();
        return ValueTask.CompletedTask;
    }

    private static int ExitCodeOf(V1Pod pod) =>
        pod.Metadata.Annotations?.TryGetValue(StubPodOptions.ExitCodeAnnotation, out var text) == true
        && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code)
            ? code
            : 0;

    private void Update((string, string) key, Func<PodRuntimeState, PodRuntimeState> change)
    {
        if (!_pods.TryGetValue(key, out var stub))
        {
            return;
        }

        lock (stub)
        {
            // A terminated pod stays terminated (its ready timer may fire late).
            if (stub.State.Phase is PodPhases.Succeeded or PodPhases.Failed)
            {
                return;
            }

            stub.State = change(stub.State);
        }

        StateChanged?.Invoke(key.Item1, key.Item2);
    }

    private sealed class StubPod(V1Pod pod, PodRuntimeState state) : IDisposable
    {
        public V1Pod Pod { get; } = pod;

        public PodRuntimeState State { get; set; } = state;

        public List<ITimer> Timers { get; } = [];

        public void Dispose()
        {
            foreach (var timer in Timers)
            {
                timer.Dispose();
            }
        }
    }
}
