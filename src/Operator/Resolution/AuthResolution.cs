using Operator.Scalers;

namespace Operator.Resolution;

/// <summary>
/// Authentication resolved for one trigger: parameters (secret values), pod identity, and what went wrong.
/// <see cref="SensitiveValues"/> lists values that must never be printed.
/// </summary>
internal sealed record AuthResolution(
    IReadOnlyDictionary<string, string> AuthParams,
    PodIdentity PodIdentity,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> Warnings,
    IReadOnlySet<string> SensitiveValues)
{
    /// <summary>A referenced object was absent from a partial view: the parameters it holds are missing, not wrong.</summary>
    public bool HasUncheckedReferences { get; init; }

    public static readonly AuthResolution None =
        new(new Dictionary<string, string>(), PodIdentity.None, [], [], new HashSet<string>());
}
