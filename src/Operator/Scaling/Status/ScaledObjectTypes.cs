using Operator.Api;

namespace Operator.Scaling.Status;

/// <summary>
/// <c>status.triggersTypes</c> and <c>status.authenticationsTypes</c>: comma-joined unique trigger types and
/// authenticationRef names, in spec order (null when there are none).
/// </summary>
public static class ScaledObjectTypes
{
    public static string? TriggersTypes(ScaledObjectSpec spec) => Join(spec.Triggers.Select(t => t.Type));

    public static string? AuthenticationsTypes(ScaledObjectSpec spec) =>
        Join(spec.Triggers.Where(t => t.AuthenticationRef is not null).Select(t => t.AuthenticationRef!.Name));

    private static string? Join(IEnumerable<string> values)
    {
        var unique = values.Distinct(StringComparer.Ordinal).ToList();
        return unique.Count == 0 ? null : string.Join(',', unique);
    }
}
