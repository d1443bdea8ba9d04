namespace Kubernetes.Controller.Informers;

/// <summary>Retry timing of an informer (client-go's reflector backs off 800ms doubling to 30s).</summary>
public sealed class InformerOptions
{
    public TimeSpan InitialRetryDelay { get; init; } = InformerDefaults.InitialRetryDelay;

    public TimeSpan MaxRetryDelay { get; init; } = InformerDefaults.MaxRetryDelay;
}
