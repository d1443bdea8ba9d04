namespace Operator.Scalers;

/// <summary>Messages shared by several scalers.</summary>
public static class ScalerMessages
{
    /// <summary>Returned by scalers whose metric runtime is not part of this build (no fake values are reported).</summary>
    public static string RuntimeNotAvailable(string triggerType) =>
        $"the {triggerType} scaler cannot read metric values in this build (its runtime is not available yet); " +
        "metadata validation and metric specs work";
}
