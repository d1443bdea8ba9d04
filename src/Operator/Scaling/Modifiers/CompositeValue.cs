namespace Operator.Scaling.Modifiers;

/// <summary>
/// The scalingModifiers composite value of one poll, or why there is none. A formula error travels here instead of
/// reading as "no value" (KEDA only logs it and treats the ScaledObject as inactive).
/// </summary>
public readonly record struct CompositeValue(double? Value, string? Error)
{
    public bool IsError => Error is not null;

    public static CompositeValue Of(double? value) => new(value, null);

    public static CompositeValue Failed(string error) => new(null, error);

    public static implicit operator CompositeValue(double? value) => Of(value);
}
