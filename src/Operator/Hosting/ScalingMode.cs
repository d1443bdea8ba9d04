namespace Operator.Hosting;

/// <summary>How replicas above one are driven: a KEDA-style HPA, or the operator itself (<c>direct</c>, beyond KEDA).</summary>
public enum ScalingMode
{
    Hpa,
    Direct,
}
