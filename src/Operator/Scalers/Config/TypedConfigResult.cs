namespace Operator.Scalers.Config;

/// <summary>
/// Outcome of <see cref="TypedConfig.Parse{T}"/>: the populated metadata (also when errors occurred, like KEDA's
/// partially filled struct), the errors in KEDA's wording and the <c>deprecatedAnnounce</c> notices.
/// </summary>
public sealed record TypedConfigResult<T>(T Value, IReadOnlyList<string> Errors, IReadOnlyList<string> Infos)
{
    /// <summary>
    /// Trigger metadata keys no property consumed (KEDA warns "Unmatched input property" only when
    /// <c>KEDA_CHECK_UNEXPECTED_SCALERS_PARAMS=enabled</c>); empty when parsing failed.
    /// </summary>
    public IReadOnlyList<string> UnexpectedParameters { get; init; } = [];

    public bool IsSuccess => Errors.Count == 0;

    /// <summary>All errors joined by a newline, as Go's <c>errors.Join</c> prints them.</summary>
    public string ErrorMessage => string.Join('\n', Errors);
}
