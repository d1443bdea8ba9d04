using System.Collections.Concurrent;
using System.Reflection;

namespace Operator.Scalers.Config;

/// <summary>
/// KEDA's <c>ScalerConfig.TypedConfig</c>: fills a metadata class from trigger metadata, resolved environment and
/// authentication parameters following the <see cref="KedaAttribute"/> on each property. Values are trimmed, an
/// empty value counts as missing, the first non-empty source/alias wins, and errors carry KEDA's exact wording.
/// </summary>
public static class TypedConfig
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<FieldPlan>> Plans = new();

    /// <summary>Parses <paramref name="config"/> into a new <typeparamref name="T"/>.</summary>
    public static TypedConfigResult<T> Parse<T>(ScalerConfig config)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(config);
        var value = new T();
        var errors = new List<string>();
        var context = new ParseContext(config, errors, [], []);
        ParseInto(value, parentOptional: false, context);
        var unexpected = errors.Count > 0 ? [] : UnexpectedKeys(config, context.ParsedNames);
        return new TypedConfigResult<T>(value, errors, context.Infos) { UnexpectedParameters = unexpected };
    }

    /// <summary>
    /// KEDA's <c>checkUnexpectedParameterExist</c>: trigger metadata keys (a <c>FromEnv</c> suffix stripped) that no
    /// parsed property consumed. KEDA only warns about them (and only when asked to); they never fail a trigger.
    /// </summary>
    private static IReadOnlyList<string> UnexpectedKeys(ScalerConfig config, HashSet<string> parsedNames) =>
        [.. config.TriggerMetadata.Keys
            .Where(k => !parsedNames.Contains(k.EndsWith("FromEnv", StringComparison.Ordinal) ? k[..^"FromEnv".Length] : k))
            .Order(StringComparer.Ordinal)];

    private static void ParseInto(object target, bool parentOptional, ParseContext context)
    {
        var errors = context.Errors;
        foreach (var field in Plans.GetOrAdd(target.GetType(), BuildPlan))
        {
            if (field.Params is null)
            {
                errors.Add(field.TagError!);
                continue;
            }

            var p = parentOptional && !field.Params.Optional ? field.Params with { Optional = true } : field.Params;
            var error = SetValue(target, field.Property, p, context);
            if (error is not null)
            {
                errors.Add(error);
            }
        }

        if (target is ITypedConfigValidator validator && validator.Validate() is { } validationError)
        {
            errors.Add(validationError);
        }
    }

    private static string? SetValue(object target, PropertyInfo property, TypedConfigParams p, ParseContext context)
    {
        var config = context.Config;
        var (value, exists) = Lookup(p, config);
        if (exists && p.IsDeprecated)
        {
            return $"scaler {config.TriggerType} info: {p.Deprecated}";
        }

        if (exists && p.DeprecatedAnnounce.Length > 0)
        {
            context.Infos.Add($"scaler {config.TriggerType} info: {p.DeprecatedAnnounce}");
        }

        if (!exists && p.Default.Length > 0)
        {
            exists = true;
            value = p.Default;
        }

        if (!exists)
        {
            if (p.Optional || p.IsDeprecated)
            {
                return null;
            }

            return p.Order.Count == 0
                ? $"missing required parameter {GoFormat.Quote(p.Name)}, no 'order' tag, provide any from {GoFormat.List(TypedConfigParams.AllowedOrders)}"
                : $"missing required parameter {GoFormat.Quote(p.Name)} in {GoFormat.List(p.Order)}";
        }

        if (p.Enum is not null && p.Split(value).Any(s => !p.Enum.Contains(s.Trim())))
        {
            return $"parameter {GoFormat.Quote(p.Name)} value {GoFormat.Quote(value)} must be one of {GoFormat.List(p.Enum)}";
        }

        if (p.ExclusiveSet is not null && p.Split(value).Count(s => p.ExclusiveSet.Contains(s.Trim())) > 1)
        {
            return $"parameter {GoFormat.Quote(p.Name)} value {GoFormat.Quote(value)} must contain only one of {GoFormat.List(p.ExclusiveSet)}";
        }

        if (p.IsNested)
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (!TypedConfigValueParser.IsNestable(type))
            {
                return $"nested parameter {GoFormat.Quote(p.FieldName)} must be a struct, has kind {GoFormat.Quote(TypedConfigValueParser.GoKind(type))}";
            }

            var nested = Activator.CreateInstance(type)!;
            ParseInto(nested, p.Optional, context);
            property.SetValue(target, nested);
            return null;
        }

        var parseError = TypedConfigValueParser.TryConvert(property.PropertyType, value, p, out var converted);
        if (parseError is not null)
        {
            return $"unable to set param {GoFormat.Quote(p.Name)} value {GoFormat.Quote(value)}: {parseError}";
        }

        property.SetValue(target, converted);
        context.ParsedNames.UnionWith(p.Names);
        return null;
    }

    /// <summary>KEDA's <c>configParamValue</c>: sources in order, aliases in order, trimmed, empty = missing.</summary>
    private static (string Value, bool Exists) Lookup(TypedConfigParams p, ScalerConfig config)
    {
        foreach (var order in p.Order)
        {
            foreach (var name in p.Names)
            {
                string? raw = null;
                switch (order)
                {
                    case TypedConfigParams.TriggerMetadata:
                        config.TriggerMetadata.TryGetValue(name, out raw);
                        break;
                    case TypedConfigParams.AuthParams:
                        config.AuthParams.TryGetValue(name, out raw);
                        break;
                    case TypedConfigParams.ResolvedEnv:
                        var envKey = config.TriggerMetadata.GetValueOrDefault(name + "FromEnv", "");
                        config.ResolvedEnv.TryGetValue(envKey, out raw);
                        break;
                    default:
                        break;
                }

                var trimmed = raw?.Trim();
                if (!string.IsNullOrEmpty(trimmed))
                {
                    return (trimmed, true);
                }
            }
        }

        return ("", p.IsNested);
    }

    private static IReadOnlyList<FieldPlan> BuildPlan(Type type)
    {
        var plan = new List<FieldPlan>();
        // Declaration order, like Go's struct field order (MetadataToken follows the source order).
        foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                     .OrderBy(p => p.MetadataToken))
        {
            if (property.GetCustomAttribute<KedaAttribute>() is not { } attribute)
            {
                continue;
            }

            if (property.SetMethod is null)
            {
                plan.Add(new FieldPlan(property, null, $"parameter {GoFormat.Quote(property.Name)} has no setter"));
                continue;
            }

            var (p, error) = TypedConfigParams.FromTag(attribute.Tag, property.Name);
            plan.Add(new FieldPlan(property, p, error));
        }

        return plan;
    }

    private sealed record ParseContext(ScalerConfig Config, List<string> Errors, List<string> Infos, HashSet<string> ParsedNames);

    private sealed record FieldPlan(PropertyInfo Property, TypedConfigParams? Params, string? TagError);
}
