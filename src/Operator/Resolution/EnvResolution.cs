namespace Operator.Resolution;

/// <summary>A container's resolved environment, or why it could not be resolved; <see cref="SensitiveValues"/> came from Secrets.</summary>
internal sealed record EnvResolution(
    IReadOnlyDictionary<string, string> Env, string? Error, IReadOnlySet<string> SensitiveValues)
{
    /// <summary>References that were not checked (absent from a partial view such as <c>validate</c>'s input); resolved as empty.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public static EnvResolution Failure(string error) =>
        new(new Dictionary<string, string>(), error, new HashSet<string>());
}
