namespace Operator.Decisions;

/// <summary>The rules a <see cref="DecisionRecord"/> names as the one that decided.</summary>
public static class DecisionRules
{
    public const string Activation = "activation";
    public const string Cooldown = "cooldown";
    public const string ScaleToZero = "scale-to-zero";
    public const string MinReplicas = "min-replicas";
    public const string Fallback = "fallback";
    public const string Pause = "pause";
    public const string Hpa = "hpa";
    public const string Direct = "direct";
    public const string Error = "error";
}
