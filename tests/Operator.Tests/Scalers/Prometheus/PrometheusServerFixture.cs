using System.Diagnostics;
using System.Text.Json;

using Operator.Tests.Support;

namespace Operator.Tests.Scalers.Prometheus;

/// <summary>
/// A real Prometheus (the local <c>prometheus</c> binary) on a free loopback port with temporary config and storage.
/// Data comes from recording rules evaluated every second (immune to scrape hiccups on a loaded machine, which
/// would write staleness markers) and from a loopback scrape target served by the tests. Shared per collection.
/// </summary>
public sealed class PrometheusServerFixture : IAsyncLifetime
{
    public const string MissingMessage = "prometheus not installed: run ./test.sh as root or apt-get install prometheus";

    /// <summary>Exposition served to Prometheus by the scrape target.</summary>
    public const string Exposition = """
        # TYPE keda_test_scraped gauge
        keda_test_scraped{kind="scraped"} 17

        """;

    /// <summary>Recording rules: one single-series gauge and a two-series gauge.</summary>
    private const string Rules = """
        groups:
          - name: keda-test
            interval: 1s
            rules:
              - record: keda_test_single
                expr: vector(42.5)
                labels: {kind: single}
              - record: keda_test_multi
                expr: vector(1)
                labels: {idx: a}
              - record: keda_test_multi
                expr: vector(2)
                labels: {idx: b}
        """;

    private static readonly TimeSpan StartupBudget = TimeSpan.FromSeconds(60);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "keda-dotnet-prom-" + Guid.NewGuid().ToString("N"));
    private PrometheusStubServer? _target;
    private Process? _process;

    /// <summary>Base address, e.g. <c>http://127.0.0.1:40123</c>; null when Prometheus is unavailable.</summary>
    public string? Address { get; private set; }

    public string? SkipReason { get; private set; }

    /// <summary>
    /// Values the tests control, scraped every second as <c>keda_test_value{so="&lt;key&gt;"}</c>; removing a key makes
    /// the series go stale.
    /// </summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, double> Values { get; } = new(StringComparer.Ordinal);

    public async ValueTask InitializeAsync()
    {
        var binary = FindBinary();
        if (binary is null)
        {
            SkipReason = MissingMessage;
            return;
        }

        _target = await PrometheusStubServer.StartAsync(_ => Task.FromResult((200, Exposition + RenderValues())));
        Directory.CreateDirectory(_directory);
        var config = Path.Combine(_directory, "prometheus.yml");
        var rules = Path.Combine(_directory, "rules.yml");
        await File.WriteAllTextAsync(rules, Rules);
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            rule_files: ['{rules}']
            scrape_configs:
              - job_name: keda-test
                static_configs:
                  - targets: ['{new Uri(_target.Address).Authority}']
            """);

        var port = OperatorProgram.FreePort();
        Address = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(_directory, "data")}",
                     $"--web.listen-address=127.0.0.1:{port}", "--web.enable-lifecycle", "--log.level=warn",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilScrapedAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            // --web.enable-lifecycle: /-/quit shuts Prometheus down cleanly; kill only if it does not exit.
            try
            {
                using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
                using var response = await client.PostAsync(new Uri($"{Address}/-/quit"), null);
            }
            catch (HttpRequestException)
            {
            }

            using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(exited.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }

        if (_target is not null)
        {
            await _target.DisposeAsync();
        }

        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>Skips the calling test when Prometheus is not installed.</summary>
    public string RequireAddress()
    {
        if (SkipReason is not null)
        {
            Assert.Skip(SkipReason);
        }

        return Address!;
    }

    private string RenderValues() => Values.IsEmpty
        ? ""
        : "# TYPE keda_test_value gauge\n" + string.Concat(Values.Select(v =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"keda_test_value{{so=\"{v.Key}\"}} {v.Value}\n")));

    private async Task WaitUntilScrapedAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartupBudget)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"prometheus exited with code {_process.ExitCode} during startup");
            }

            try
            {
                if (await CountSeriesAsync(client, "keda_test_multi") == 2 && await CountSeriesAsync(client, "keda_test_scraped") == 1)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or KeyNotFoundException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"prometheus at {Address} did not scrape the test target within {StartupBudget}");
    }

    private async Task<int> CountSeriesAsync(HttpClient client, string query)
    {
        // Ask at a whole second, as the scaler does (RFC 3339 without fractions): data must be older than that.
        var time = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var body = await client.GetStringAsync(new Uri($"{Address}/api/v1/query?query={query}&time={time}"));
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("data").GetProperty("result").GetArrayLength();
    }

    private static string? FindBinary()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Select(dir => Path.Combine(dir, "prometheus"))
            .FirstOrDefault(File.Exists);
    }
}

[CollectionDefinition(Name)]
public sealed class PrometheusServerCollection : ICollectionFixture<PrometheusServerFixture>
{
    public const string Name = "Real Prometheus";
}
