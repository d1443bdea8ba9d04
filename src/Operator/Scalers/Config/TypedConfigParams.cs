namespace Operator.Scalers.Config;

/// <summary>One parsed <c>keda</c> tag (KEDA's <c>scalersconfig.Params</c>).</summary>
internal sealed record TypedConfigParams
{
    public const string TriggerMetadata = "triggerMetadata";
    public const string ResolvedEnv = "resolvedEnv";
    public const string AuthParams = "authParams";

    /// <summary>Allowed parsing orders, sorted as KEDA prints them.</summary>
    public static readonly IReadOnlyList<string> AllowedOrders = [AuthParams, ResolvedEnv, TriggerMetadata];

    public required string FieldName { get; init; }

    public IReadOnlyList<string> Names { get; init; } = [];

    public bool Optional { get; init; }

    public IReadOnlyList<string> Order { get; init; } = [];

    public string Default { get; init; } = "";

    public string Deprecated { get; init; } = "";

    public string DeprecatedAnnounce { get; init; } = "";

    public IReadOnlyList<string>? Enum { get; init; }

    public IReadOnlyList<string>? ExclusiveSet { get; init; }

    public string RangeSeparator { get; init; } = "";

    public string Separator { get; init; } = "";

    /// <summary>Aliases joined by a comma, as KEDA's <c>Params.Name()</c>.</summary>
    public string Name => string.Join(',', Names);

    public bool IsNested => Names.Count == 0;

    public bool IsDeprecated => Deprecated.Length > 0;

    /// <summary>Parses a tag like KEDA's <c>paramsFromTag</c>; returns an error for unknown keys or orders.</summary>
    public static (TypedConfigParams? Params, string? Error) FromTag(string tag, string fieldName)
    {
        var p = new TypedConfigParams { FieldName = fieldName };
        foreach (var part in tag.Split(','))
        {
            var kv = part.Split('=');
            var key = kv[0].Trim();
            var value = kv.Length > 1 ? kv[1].Trim() : null;
            switch (key)
            {
                case "optional":
                    // Go: optional=<unparsable> silently means false.
                    p = p with { Optional = value is null || (GoParse.TryParseBool(value, out var b) && b) };
                    break;
                case "order":
                    if (kv.Length > 1)
                    {
                        var order = new List<string>();
                        foreach (var po in kv[1].Split(';'))
                        {
                            var trimmed = po.Trim();
                            if (!AllowedOrders.Contains(trimmed))
                            {
                                return (null, $"unknown parsing order value {po}, has to be one of {GoFormat.List(AllowedOrders)}");
                            }

                            order.Add(trimmed);
                        }

                        p = p with { Order = order };
                    }

                    break;
                case "name":
                    if (value is not null)
                    {
                        p = p with { Names = value.Split(';') };
                    }

                    break;
                case "deprecated":
                    p = p with { Deprecated = value ?? "deprecated" };
                    break;
                case "deprecatedAnnounce":
                    p = p with { DeprecatedAnnounce = value ?? "deprecatedAnnounce" };
                    break;
                case "default":
                    p = value is null ? p : p with { Default = value };
                    break;
                case "enum":
                    p = kv.Length > 1 ? p with { Enum = kv[1].Split(';') } : p;
                    break;
                case "exclusiveSet":
                    p = kv.Length > 1 ? p with { ExclusiveSet = kv[1].Split(';') } : p;
                    break;
                case "range":
                    p = kv.Length switch
                    {
                        1 => p with { RangeSeparator = "-" },
                        2 => p with { RangeSeparator = value! },
                        _ => p,
                    };
                    break;
                case "separator":
                    p = value is null ? p : p with { Separator = value };
                    break;
                case "":
                    break;
                default:
                    return (null, $"unknown tag param {key}: {tag}");
            }
        }

        return (p, null);
    }

    /// <summary>Splits on the custom separator, or on a comma.</summary>
    public string[] Split(string value) => value.Split(Separator.Length > 0 ? Separator : ",");
}
