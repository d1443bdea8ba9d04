namespace Operator.Scalers;

/// <summary>Defaults shared by all scalers.</summary>
public static class ScalerDefaults
{
    /// <summary>KEDA's <c>KEDA_HTTP_DEFAULT_TIMEOUT</c> default: 3000 ms.</summary>
    public static readonly TimeSpan GlobalHttpTimeout = TimeSpan.FromMilliseconds(3000);
}
