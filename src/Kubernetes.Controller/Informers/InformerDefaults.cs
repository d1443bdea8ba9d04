namespace Kubernetes.Controller.Informers;

public static class InformerDefaults
{
    public static readonly TimeSpan InitialRetryDelay = TimeSpan.FromMilliseconds(800);

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);
}
