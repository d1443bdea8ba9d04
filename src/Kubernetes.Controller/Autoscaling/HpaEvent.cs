namespace Kubernetes.Controller.Autoscaling;

/// <summary>An Event the HPA controller records on the autoscaler (type Normal or Warning).</summary>
public sealed record HpaEvent(string Type, string Reason, string Message)
{
    public static HpaEvent Normal(string reason, string message) => new("Normal", reason, message);

    public static HpaEvent Warning(string reason, string message) => new("Warning", reason, message);
}
