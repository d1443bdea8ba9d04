using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Operator.Scalers.Http;

namespace Operator.Tests.Scalers.Http;

/// <summary>A service provider with the scaler HTTP clients, optionally a fake clock and a host's default resilience.</summary>
internal static class ScalerHttpHost
{
    public static ServiceProvider Create(TimeProvider? time = null, bool hostAddsStandardResilience = false)
    {
        var services = new ServiceCollection().AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        if (hostAddsStandardResilience)
        {
            // What Aspire's service defaults do for every client of the host.
            services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        }

        return services.AddScalerHttpClients().BuildServiceProvider();
    }
}

/// <summary>A fake clock that says when a timer of a given due time (the connect retry's delay) is started.</summary>
internal sealed class DelayWatchingTimeProvider(DateTimeOffset start, TimeSpan watched) : FakeTimeProvider(start)
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task WatchedDelayStarted => _started.Task;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime == watched)
        {
            _started.TrySetResult();
        }

        return timer;
    }
}
