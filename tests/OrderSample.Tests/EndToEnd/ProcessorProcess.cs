using System.Diagnostics;
using System.Text.RegularExpressions;

namespace OrderSample.Tests.EndToEnd;

/// <summary>An order processor running as its own process; collects the ids of the orders it logged as processed.</summary>
internal sealed partial class ProcessorProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _processed = [];
    private readonly List<string> _output = [];

    public ProcessorProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Processed
    {
        get
        {
            lock (_processed)
            {
                return _processed.ToList();
            }
        }
    }

    public string Output
    {
        get
        {
            lock (_processed)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>SIGKILL: no chance to settle anything.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_processed)
        {
            _output.Add(line);
            if (ProcessedLine().Match(line) is { Success: true } match)
            {
                _processed.Add(match.Groups[1].Value);
            }
        }
    }

    [GeneratedRegex(@"Order (\S+) processed")]
    private static partial Regex ProcessedLine();
}
