using System.Diagnostics;
using EmbeddedKubernetes.Logs;
using k8s.Models;

namespace EmbeddedKubernetes.Controllers.Pods;

/// <summary>One pod's process, its state, output (this run and the one before) and CPU accounting.</summary>
internal sealed class ProcessPod(V1Pod pod, ProcessLaunch? launch, PodRuntimeState state, int logLines, TimeProvider time)
{
    private readonly Lock _stopGate = new();
    private readonly TaskCompletionSource _killNow = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private (DateTimeOffset At, TimeSpan Cpu)? _lastSample;
    private Task? _stopped;

    public V1Pod Pod { get; } = pod;

    public ProcessLaunch? Launch { get; } = launch;

    public PodRuntimeState State { get; set; } = state;

    public Process? Process { get; private set; }

    public Task? Supervisor { get; set; }

    public CancellationTokenSource Stopping { get; } = new();

    /// <summary>The output of the current (or last) run; null until the process first starts.</summary>
    public ContainerLog? Log { get; private set; }

    /// <summary>The output of the run before the current one; null until the container restarted.</summary>
    public ContainerLog? PreviousLog { get; private set; }

    public bool TryStart(out string? error)
    {
        var info = new ProcessStartInfo(Launch!.Executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Launch.WorkingDirectory ?? "",
        };
        foreach (var argument in Launch.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in Launch.Environment)
        {
            info.Environment[name] = value;
        }

        var log = new ContainerLog(logLines, time);
        try
        {
            var process = new Process { StartInfo = info, EnableRaisingEvents = true };
            process.OutputDataReceived += (_, e) => Append(log, e.Data);
            process.ErrorDataReceived += (_, e) => Append(log, e.Data);
            process.Start();
            if (Log is not null)
            {
                Log.End();
                PreviousLog = Log;
            }

            Log = log;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            Process?.Dispose();
            Process = process;
            _lastSample = null;
            error = null;
            return true;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            error = $"could not start \"{Launch.Executable}\": {ex.Message}";
            return false;
        }
    }

    public PodUsage? SampleUsage(DateTimeOffset now)
    {
        var process = Process;
        if (process is null || State.Phase != "Running")
        {
            return null;
        }

        try
        {
            process.Refresh();
            if (process.HasExited)
            {
                return null;
            }

            var cpu = process.TotalProcessorTime;
            var (since, before) = _lastSample ?? (new DateTimeOffset(process.StartTime.ToUniversalTime()), TimeSpan.Zero);
            var window = now - since;
            _lastSample = (now, cpu);
            var milli = window > TimeSpan.Zero ? (long)((cpu - before).TotalMilliseconds * 1000 / window.TotalMilliseconds) : 0;
            return new PodUsage(Math.Max(0, milli), process.WorkingSet64, now, window > TimeSpan.Zero ? window : TimeSpan.FromSeconds(1));
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// SIGTERM, then SIGKILL (the whole process tree) once <paramref name="gracePeriod"/> has passed; no restarts meanwhile.
    /// A second call joins the first; a zero grace period cuts a running grace period short.
    /// </summary>
    public Task StopAsync(TimeSpan gracePeriod)
    {
        lock (_stopGate)
        {
            if (gracePeriod <= TimeSpan.Zero)
            {
                _killNow.TrySetResult();
            }

            return _stopped ??= StopCoreAsync(gracePeriod);
        }
    }

    private async Task StopCoreAsync(TimeSpan gracePeriod)
    {
        await Stopping.CancelAsync().ConfigureAwait(false);
        if (Process is { } process && !HasExited(process))
        {
            var others = PosixSignals.Descendants(process.Id);
            if (gracePeriod > TimeSpan.Zero && PosixSignals.Terminate(process.Id))
            {
                // Until the process exits, the grace period ends or a forced deletion cuts it short; then SIGKILL.
                using var graceOver = new CancellationTokenSource();
                var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                process.Exited += (_, _) => exited.TrySetResult();
                if (HasExited(process))
                {
                    exited.TrySetResult();
                }

                await Task.WhenAny(exited.Task, _killNow.Task, Task.Delay(gracePeriod, time, graceOver.Token)).ConfigureAwait(false);
                await graceOver.CancelAsync().ConfigureAwait(false);
            }

            if (!HasExited(process))
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // Exited in between.
                }
            }

            // What else ran in the "container" dies with it (a PID namespace ends with its first process).
            foreach (var pid in others)
            {
                PosixSignals.KillNow(pid);
            }

            await process.WaitForExitAsync().ConfigureAwait(false);
        }

        Log?.End();
        if (Supervisor is not null)
        {
            await Supervisor.ConfigureAwait(false);
        }

        Process?.Dispose();
        Stopping.Dispose();
    }

    private static bool HasExited(Process process)
    {
        try
        {
            return process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    /// <summary>The run is over (the process exited and its output was read).</summary>
    public void EndLog() => Log?.End();

    private static void Append(ContainerLog log, string? line)
    {
        if (line is not null)
        {
            log.Append(line);
        }
    }
}
