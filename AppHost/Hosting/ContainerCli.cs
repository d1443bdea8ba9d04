using Microsoft.Extensions.DependencyInjection;

namespace AppHost.Hosting;

/// <summary>
/// The Docker CLI for what Aspire's container model does not say: a running container's address on its network,
/// the host's address there (the network's gateway), commands run inside it, images saved to a tarball.
/// </summary>
internal static class ContainerCli
{
    public const string Program = "docker";

    /// <summary>The id of the container DCP started for <paramref name="resource"/>, once it has one.</summary>
    public static async Task<string> ContainerIdAsync(IServiceProvider services, IResource resource, CancellationToken cancellationToken)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var running = await notifications.WaitForResourceAsync(resource.Name, e => Id(e.Snapshot) is { Length: > 0 }, cancellationToken);
        return Id(running.Snapshot)!;
    }

    /// <summary>The container's IP address on its (Aspire session) network.</summary>
    public static Task<string> AddressAsync(string containerId, CancellationToken cancellationToken) =>
        InspectAsync(containerId, "{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}", cancellationToken);

    /// <summary>The gateway of the container's network: the host's own address on it, which the container reaches.</summary>
    public static Task<string> GatewayAsync(string containerId, CancellationToken cancellationToken) =>
        InspectAsync(containerId, "{{range .NetworkSettings.Networks}}{{.Gateway}} {{end}}", cancellationToken);

    public static async Task<string> ExecAsync(string containerId, IEnumerable<string> command, CancellationToken cancellationToken) =>
        (await CommandLine.RunAsync(Program, ["exec", containerId, .. command], cancellationToken)).OutputOrThrow();

    public static async Task SaveAsync(string image, string tarball, CancellationToken cancellationToken) =>
        (await CommandLine.RunAsync(Program, ["save", "--output", tarball, image], cancellationToken)).OutputOrThrow();

    private static async Task<string> InspectAsync(string containerId, string format, CancellationToken cancellationToken)
    {
        var output = (await CommandLine.RunAsync(Program, ["inspect", "--format", format, containerId], cancellationToken)).OutputOrThrow();
        // The first network's value: Aspire attaches each container to its one session network.
        return output.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()
            ?? throw new InvalidOperationException($"container {containerId} has no network address ({format})");
    }

    private static string? Id(CustomResourceSnapshot snapshot) =>
        snapshot.Properties.FirstOrDefault(p => p.Name == "container.id")?.Value as string;
}
