using System.Diagnostics;
using k8s.Models;

namespace EmbeddedKubernetes.Controllers.Pods;

/// <summary>One pod's process, its state, output tail and CPU accounting.</summary>
internal sealed class ProcessPod(V1Pod pod, ProcessLaunch? launch, PodRuntimeState state, int logLines)
{
    private readonly Queue<string> _logs = new();
    private (DateTimeOffset At, TimeSpan Cpu)? _lastSample;

    public V1Pod Pod { get; } = pod;

    public ProcessLaunch? Launch { get; } = launch;

    public PodRuntimeState State { get; set; } = state;

    public Process? Process { get; private set; }

    public Task? Supervisor { get; set; }

    public CancellationTokenSource Stopping { get; } = new();

    public IReadOnlyList<string> Logs
    {
        get
        {
            lock (_logs)
            {
                return _logs.ToList();
            }
        }
    }

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

        try
        {
            var process = new Process { StartInfo = info, EnableRaisingEvents = true };
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.Start();
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

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logs)
        {
            _logs.Enqueue(line);
            while (_logs.Count > logLines)
            {
                _logs.Dequeue();
            }
        }
    }
}
