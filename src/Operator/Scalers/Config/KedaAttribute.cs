namespace Operator.Scalers.Config;

/// <summary>
/// Declares how a metadata property is read, in the exact syntax of KEDA's <c>keda:"..."</c> struct tag, e.g.
/// <c>[Keda("name=threshold, order=triggerMetadata")]</c> or
/// <c>[Keda("name=authModes;authMode, order=triggerMetadata;authParams, enum=basic;tls, exclusiveSet=basic;bearer, optional")]</c>.
/// Keys: <c>name</c> (aliases joined by <c>;</c>), <c>order</c> (<c>triggerMetadata</c>, <c>resolvedEnv</c>,
/// <c>authParams</c>), <c>optional[=bool]</c>, <c>default</c>, <c>enum</c>, <c>exclusiveSet</c>, <c>range[=sep]</c>,
/// <c>separator</c>, <c>deprecated[=msg]</c>, <c>deprecatedAnnounce[=msg]</c>. A tag without <c>name</c> marks a
/// nested class whose own properties are parsed (its <c>optional</c> flag is inherited).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class KedaAttribute(string tag) : Attribute
{
    /// <summary>The tag text, as KEDA writes it.</summary>
    public string Tag { get; } = tag;
}
