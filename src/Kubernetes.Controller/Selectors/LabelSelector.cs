using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Kubernetes.Controller.Selectors;

/// <summary>
/// The one label selector (apimachinery's grammar and matching), shared by the API server's <c>labelSelector</c>
/// parameter and by controllers: <c>a=b</c>, <c>a==b</c>, <c>a!=b</c>, <c>a in (x,y)</c>, <c>a notin (x)</c>,
/// <c>a</c>, <c>!a</c>; commas mean AND. Also renders metav1.LabelSelector objects in that grammar and as Go's %+v.
/// </summary>
public sealed class LabelSelector
{
    private readonly IReadOnlyList<Requirement> _requirements;
    private readonly bool _nothing;

    private LabelSelector(IReadOnlyList<Requirement> requirements, bool nothing = false)
    {
        _requirements = requirements;
        _nothing = nothing;
    }

    /// <summary>Matches every label set (an empty selector).</summary>
    public static LabelSelector Everything { get; } = new([]);

    /// <summary>Matches no label set (a nil workload selector, as apimachinery's LabelSelectorAsSelector(nil)).</summary>
    public static LabelSelector Nothing { get; } = new([], nothing: true);

    public bool IsEmpty => !_nothing && _requirements.Count == 0;

    public bool Matches(IReadOnlyDictionary<string, string>? labels) =>
        !_nothing && _requirements.All(r => r.Matches(labels ?? EmptyLabels));

    /// <summary><see cref="Matches(IReadOnlyDictionary{string, string})"/> for object metadata's label map.</summary>
    public bool MatchesLabels(IDictionary<string, string>? labels) =>
        Matches(labels is null ? null : labels as IReadOnlyDictionary<string, string> ?? new Dictionary<string, string>(labels));

    /// <summary>Parses the query-string form; the error names the offending part.</summary>
    public static LabelSelector? TryParse(string? text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<Requirement>();
        foreach (var part in SplitTopLevel(text))
        {
            var requirement = ParseRequirement(part.Trim());
            if (requirement is null)
            {
                error = $"unable to parse requirement: \"{part.Trim()}\": expected one of =, ==, !=, in (...), notin (...), key or !key";
                return null;
            }

            requirements.Add(requirement);
        }

        return new LabelSelector(requirements);
    }

    /// <summary>A metav1.LabelSelector object as a selector: null matches nothing, empty matches everything.</summary>
    public static LabelSelector FromObject(V1LabelSelector? selector)
    {
        if (selector is null)
        {
            return Nothing;
        }

        var requirements = new List<Requirement>();
        foreach (var (key, value) in selector.MatchLabels ?? new Dictionary<string, string>())
        {
            requirements.Add(new Requirement(key, Operator.Equals, [value]));
        }

        foreach (var expression in selector.MatchExpressions ?? [])
        {
            var op = expression.OperatorProperty switch
            {
                "In" => Operator.In,
                "NotIn" => Operator.NotIn,
                "Exists" => Operator.Exists,
                "DoesNotExist" => Operator.DoesNotExist,
                _ => (Operator?)null,
            };
            if (op is null)
            {
                return Nothing;
            }

            requirements.Add(new Requirement(expression.Key, op.Value, expression.Values?.ToList() ?? []));
        }

        return new LabelSelector(requirements);
    }

    /// <summary>The query string form: "a=b,c in (d,e),!f" (keys and set values sorted). Empty for null or empty.</summary>
    public static string ToQuery(V1LabelSelector? selector)
    {
        if (selector is null)
        {
            return "";
        }

        var parts = new List<string>();
        foreach (var (key, value) in (selector.MatchLabels ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            parts.Add($"{key}={value}");
        }

        foreach (var requirement in selector.MatchExpressions ?? [])
        {
            var values = string.Join(",", (requirement.Values ?? []).Order(StringComparer.Ordinal));
            parts.Add(requirement.OperatorProperty switch
            {
                "In" => $"{requirement.Key} in ({values})",
                "NotIn" => $"{requirement.Key} notin ({values})",
                "Exists" => requirement.Key,
                "DoesNotExist" => "!" + requirement.Key,
                _ => $"{requirement.Key} {requirement.OperatorProperty} ({values})",
            });
        }

        return string.Join(",", parts);
    }

    /// <summary>The query string form of a plain label map (selectors built from templates).</summary>
    public static string ToQuery(IDictionary<string, string>? labels) =>
        labels is null ? "" : string.Join(",", labels.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    /// <summary>Renders a metav1.LabelSelector held as JSON in the string grammar.</summary>
    public static string Format(JsonObject? selector) =>
        selector is null ? "" : ToQuery(KubernetesJson.Deserialize<V1LabelSelector>(selector.ToJsonString()));

    /// <summary>
    /// Go's %+v rendering of a *LabelSelector, which upstream puts in HPA event and condition messages
    /// (e.g. "&amp;LabelSelector{MatchLabels:map[string]string{a: b,},MatchExpressions:[]LabelSelectorRequirement{},}").
    /// </summary>
    public static string ToGoString(V1LabelSelector? selector)
    {
        if (selector is null)
        {
            return "nil";
        }

        var text = new StringBuilder("&LabelSelector{MatchLabels:map[string]string{");
        foreach (var (key, value) in (selector.MatchLabels ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append(": ").Append(value).Append(',');
        }

        text.Append("},MatchExpressions:[]LabelSelectorRequirement{");
        foreach (var requirement in selector.MatchExpressions ?? [])
        {
            text.Append("LabelSelectorRequirement{Key:").Append(requirement.Key)
                .Append(",Operator:").Append(requirement.OperatorProperty)
                .Append(",Values:[").Append(string.Join(" ", requirement.Values ?? [])).Append("],},");
        }

        return text.Append("},}").ToString();
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyLabels = new Dictionary<string, string>();

    // Commas separate terms except inside "(...)".
    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    private static Requirement? ParseRequirement(string part)
    {
        if (part.Length == 0)
        {
            return null;
        }

        if (part.StartsWith('!') && !part.Contains('='))
        {
            var key = part[1..].Trim();
            return IsKey(key) ? new Requirement(key, Operator.DoesNotExist, []) : null;
        }

        foreach (var (token, op) in new[] { ("!=", Operator.NotEquals), ("==", Operator.Equals), ("=", Operator.Equals) })
        {
            var index = part.IndexOf(token, StringComparison.Ordinal);
            if (index > 0)
            {
                var key = part[..index].Trim();
                var value = part[(index + token.Length)..].Trim();
                return IsKey(key) ? new Requirement(key, op, [value]) : null;
            }
        }

        var words = part.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 1)
        {
            return IsKey(words[0]) ? new Requirement(words[0], Operator.Exists, []) : null;
        }

        var rest = words[1];
        var setOp = rest.StartsWith("notin", StringComparison.Ordinal) ? Operator.NotIn
            : rest.StartsWith("in", StringComparison.Ordinal) ? Operator.In : (Operator?)null;
        var open = rest.IndexOf('(', StringComparison.Ordinal);
        var close = rest.LastIndexOf(')');
        if (setOp is null || open < 0 || close < open || !IsKey(words[0]))
        {
            return null;
        }

        var values = rest[(open + 1)..close].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new Requirement(words[0], setOp.Value, values);
    }

    private static bool IsKey(string key) => key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/');

    private enum Operator
    {
        Equals,
        NotEquals,
        In,
        NotIn,
        Exists,
        DoesNotExist,
    }

    private sealed record Requirement(string Key, Operator Op, IReadOnlyList<string> Values)
    {
        public bool Matches(IReadOnlyDictionary<string, string> labels)
        {
            var has = labels.TryGetValue(Key, out var value);
            return Op switch
            {
                Operator.Equals => has && value == Values[0],
                Operator.NotEquals => !has || value != Values[0],
                Operator.In => has && Values.Contains(value),
                Operator.NotIn => !has || !Values.Contains(value),
                Operator.Exists => has,
                _ => !has,
            };
        }
    }
}
