namespace Kubernetes.Controller.Autoscaling;

/// <summary>
/// How far the usage ratio may stray from 1.0 before the HPA acts, per direction (upstream Tolerances, KEP-4951).
/// </summary>
public readonly record struct Tolerances(double ScaleDown, double ScaleUp)
{
    public static Tolerances Uniform(double tolerance) => new(tolerance, tolerance);

    public bool IsWithin(double usageRatio) => (1.0 - ScaleDown) <= usageRatio && usageRatio <= (1.0 + ScaleUp);
}
