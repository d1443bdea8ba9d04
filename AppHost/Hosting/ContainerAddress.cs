namespace AppHost.Hosting;

/// <summary>
/// A container's IP address on its network as a value of a <see cref="ReferenceExpression"/>: how pods inside k3s
/// (and, on a Linux engine, host processes) reach a broker container without a published port. Resolved once the
/// container runs.
/// </summary>
internal sealed class ContainerAddress(ContainerResource container) : IValueProvider, IManifestExpressionProvider
{
    private IServiceProvider? _services;

    public string ValueExpression => $"{{{container.Name}.containerAddress}}";

    /// <summary>Lets a builder extension hand over the AppHost's services before anything starts.</summary>
    public static ContainerAddress For(IResourceBuilder<ContainerResource> builder)
    {
        var address = new ContainerAddress(builder.Resource);
        builder.ApplicationBuilder.Eventing.Subscribe<BeforeStartEvent>((e, _) =>
        {
            address._services = e.Services;
            return Task.CompletedTask;
        });
        return address;
    }

    public async ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default)
    {
        var services = _services ?? throw new InvalidOperationException($"the address of {container.Name} is known only once the AppHost runs");
        var id = await ContainerCli.ContainerIdAsync(services, container, cancellationToken);
        return await ContainerCli.AddressAsync(id, cancellationToken);
    }
}
