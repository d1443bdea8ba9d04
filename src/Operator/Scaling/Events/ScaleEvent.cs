namespace Operator.Scaling.Events;

/// <summary>A Kubernetes event to record on the ScaledObject: type (<c>Normal</c>/<c>Warning</c>), reason, message.</summary>
public sealed record ScaleEvent(string Type, string Reason, string Message)
{
    public const string Normal = "Normal";
    public const string Warning = "Warning";

    public static ScaleEvent NormalEvent(string reason, string message) => new(Normal, reason, message);

    public static ScaleEvent WarningEvent(string reason, string message) => new(Warning, reason, message);

    /// <summary>How client-go's fake recorder prints it, e.g. <c>Normal KEDAScaleTargetActivated Scaled ...</c>.</summary>
    public override string ToString() => $"{Type} {Reason} {Message}";
}
