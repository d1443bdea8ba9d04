using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Operator.Leadership;

/// <summary>Registers the <see cref="ILeadershipGate"/>: a Lease elector with <c>--leader-elect</c>, otherwise always the leader.</summary>
public static class LeadershipServiceCollectionExtensions
{
    /// <summary>Call before registering controllers: hosted services stop in reverse order, so the lease is released last.</summary>
    public static IServiceCollection AddLeaderElection(this IServiceCollection services, LeaderElectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            services.AddSingleton<ILeadershipGate, AlwaysLeader>();
            return services;
        }

        options.Validate();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<LeaseLeaderElection>();
        services.AddSingleton<ILeadershipGate>(sp => sp.GetRequiredService<LeaseLeaderElection>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<LeaseLeaderElection>());
        return services;
    }
}
