namespace Operator.Scalers.Config;

/// <summary>
/// Outcome of <see cref="TypedConfig.Parse{T}"/>: the populated metadata (also when errors occurred, like KEDA's
/// partially filled struct), the errors in KEDA's wording and the <c>deprecatedAnnounce</c> notices.
/// </summary>
public sealed record TypedConfigResult<T>(T Value, IReadOnlyList<string> Errors, IReadOnlyList<string> Infos)
{
    public bool IsSuccess => Errors.Count == 0;

    /// <summary>All errors joined by a newline, as Go's <c>errors.Join</c> prints them.</summary>
    public string ErrorMessage => string.Join('\n', Errors);
}
