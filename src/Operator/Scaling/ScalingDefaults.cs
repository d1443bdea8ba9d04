namespace Operator.Scaling;

/// <summary>
/// Scale-loop and HPA constants not already in <see cref="Operator.Api.ScaledObjectDefaults"/>.
/// </summary>
public static class ScalingDefaults
{
    /// <summary>Value of the <c>app.kubernetes.io/managed-by</c> label on generated HPAs.</summary>
    public const string HpaManagedBy = "keda-operator";

    /// <summary>The HPA controller's default tolerance (<c>--horizontal-pod-autoscaler-tolerance</c>).</summary>
    public const double HpaTolerance = 0.1;
}
