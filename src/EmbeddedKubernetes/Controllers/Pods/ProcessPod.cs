using System.Diagnostics;
using EmbeddedKubernetes.Logs;
using k8s.Models;

namespace EmbeddedKubernetes.Controllers.Pods;

/// <summary>One pod's process, its state, output (this run and the one before) and CPU accounting.</summary>
internal sealed class ProcessPod(V1Pod pod, ProcessLaunch? launch, PodRuntimeState state, int logLines, TimeProvider time)
{
    private (DateTimeOffset At, TimeSpan Cpu)? _lastSample;

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

    public async Task StopAsync()
    {
        await Stopping.CancelAsync().ConfigureAwait(false);
        Log?.End();
        try
        {
            if (Process is { HasExited: false } process)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        if (Supervisor is not null)
        {
            await Supervisor.ConfigureAwait(false);
        }

        Process?.Dispose();
        Stopping.Dispose();
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
