namespace Kubernetes.Controller.Informers;

/// <summary>What <see cref="SharedInformers"/> needs of any informer: run it and know when its cache is filled.</summary>
public interface IResourceInformer
{
    string Resource { get; }

    Task Synced { get; }

    Task RunAsync(CancellationToken cancellationToken);
}
