namespace Operator.Scalers.Config;

/// <summary>
/// Optional hook (KEDA's <c>CustomValidator</c>): called after every property of the class was parsed, even when
/// some failed, and its error is joined with the parse errors.
/// </summary>
public interface ITypedConfigValidator
{
    /// <summary>Returns an error message, or <c>null</c> when the parsed values are consistent.</summary>
    string? Validate();
}
