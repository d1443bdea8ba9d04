using System.Collections.Concurrent;
using System.Net;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Operator.Hosting;
using Operator.Tests.Hosting;

namespace Operator.Tests.Adapter;

/// <summary>
/// <c>/readyz</c> of an operator whose APIService is not registered yet (its API server does not answer): not ready
/// (503) either way, but logged as an error only once start-up is over, so a starting operator shows no error.
/// </summary>
public sealed class ReadinessWhileStartingTests
{
    private const string HealthCheckCategory = "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService";

    [Fact]
    public async Task NotRegisteredYet_WhileStarting_IsNotReady_AndLogsNoError()
    {
        var logs = new RecordingLoggerProvider();
        await using var host = await StartAsync(logs, new FakeTimeProvider(DateTimeOffset.UtcNow));

        var status = await ReadyzAsync(host);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains(logs.Entries, e => e.Category == HealthCheckCategory && e.Level == LogLevel.Warning);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task NotRegisteredAfterTheStartupGracePeriod_IsNotReady_AndLogsAnError()
    {
        var logs = new RecordingLoggerProvider();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await StartAsync(logs, time);
        time.Advance(OperatorEndpointsDefaults.StartupGracePeriod + TimeSpan.FromSeconds(1));

        var status = await ReadyzAsync(host);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains(logs.Entries, e => e.Category == HealthCheckCategory && e.Level == LogLevel.Error);
    }

    private static Task<OperatorEndpointsHost> StartAsync(RecordingLoggerProvider logs, TimeProvider time)
    {
        // An API server that never answers: the APIService registration keeps retrying.
        var unreachable = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" });
        return OperatorEndpointsHost.StartAsync(client: unreachable, configure: o => o.RegisterApiService = true, services: services =>
        {
            services.AddSingleton(time);
            services.AddSingleton<ILoggerProvider>(logs);
        });
    }

    private static async Task<HttpStatusCode> ReadyzAsync(OperatorEndpointsHost host)
    {
        using var http = new HttpClient { BaseAddress = host.HealthUri };
        using var response = await http.GetAsync(OperatorEndpointsDefaults.ReadinessPath, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private sealed record LogEntry(string Category, LogLevel Level, string Message);

    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<LogEntry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception)));
        }
    }
}
