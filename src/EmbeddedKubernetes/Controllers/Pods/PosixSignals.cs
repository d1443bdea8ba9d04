using System.Globalization;
using System.Runtime.InteropServices;

namespace EmbeddedKubernetes.Controllers.Pods;

/// <summary>
/// SIGTERM and SIGKILL by process id, and a process's descendants read from /proc: a container runtime signals the
/// main process and, once it is gone, kills whatever else ran in the container.
/// </summary>
internal static class PosixSignals
{
    private const int SigKill = 9;
    private const int SigTerm = 15;

    /// <summary>True when the signal was delivered; false on Windows (no SIGTERM) or when the process is gone.</summary>
    public static bool Terminate(int processId) => !OperatingSystem.IsWindows() && Send(processId, SigTerm) == 0;

    public static void KillNow(int processId)
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = Send(processId, SigKill);
        }
    }

    /// <summary>Every process below <paramref name="processId"/> right now (empty where /proc is missing).</summary>
    public static IReadOnlyList<int> Descendants(int processId)
    {
        if (!Directory.Exists("/proc"))
        {
            return [];
        }

        var parents = new Dictionary<int, List<int>>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields.Length > 1 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parent))
                {
                    if (!parents.TryGetValue(parent, out var children))
                    {
                        children = [];
                        parents[parent] = children;
                    }

                    children.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read.
            }
        }

        var found = new List<int>();
        var pending = new Queue<int>([processId]);
        while (pending.TryDequeue(out var next))
        {
            foreach (var child in parents.GetValueOrDefault(next) ?? [])
            {
                found.Add(child);
                pending.Enqueue(child);
            }
        }

        return found;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Send(int pid, int signal);
}
