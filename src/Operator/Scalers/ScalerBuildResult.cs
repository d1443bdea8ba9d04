namespace Operator.Scalers;

/// <summary>
/// Result of building a scaler from a trigger: the scaler, or the errors KEDA would report
/// (e.g. <c>missing required parameter "query" in [triggerMetadata]</c>). <see cref="Infos"/> carries
/// <c>deprecatedAnnounce</c> notices that KEDA emits as <c>KEDAScalerInfo</c> events.
/// </summary>
public sealed record ScalerBuildResult
{
    public IScaler? Scaler { get; init; }

    public IReadOnlyList<string> Errors { get; init; } = [];

    public IReadOnlyList<string> Infos { get; init; } = [];

    public bool IsSuccess => Scaler is not null && Errors.Count == 0;

    public static ScalerBuildResult Success(IScaler scaler, IReadOnlyList<string>? infos = null) =>
        new() { Scaler = scaler, Infos = infos ?? [] };

    public static ScalerBuildResult Failure(IReadOnlyList<string> errors, IReadOnlyList<string>? infos = null) =>
        new() { Errors = errors, Infos = infos ?? [] };

    public static ScalerBuildResult Failure(string error) => new() { Errors = [error] };
}
