namespace Operator.Scalers;

/// <summary>One external metric sample a scaler reports (converted to a quantity by the adapter).</summary>
public readonly record struct MetricValue(string MetricName, double Value);
