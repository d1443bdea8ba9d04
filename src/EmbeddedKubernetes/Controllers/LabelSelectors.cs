using System.Text;
using k8s.Models;

namespace EmbeddedKubernetes.Controllers;

/// <summary>Label selector rendering and matching, as the API server's labelSelector query parameter expects.</summary>
public static class LabelSelectors
{
    /// <summary>The query string form: "a=b,c in (d,e),!f". Empty for a null or empty selector (matches everything).</summary>
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

    /// <summary>The query string form of matchLabels only (workload selectors built from templates).</summary>
    public static string ToQuery(IDictionary<string, string>? labels) =>
        labels is null ? "" : string.Join(",", labels.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    /// <summary>Whether <paramref name="labels"/> satisfy <paramref name="selector"/> (null selector matches nothing, as for workloads).</summary>
    public static bool Matches(V1LabelSelector? selector, IDictionary<string, string>? labels)
    {
        if (selector is null)
        {
            return false;
        }

        labels ??= new Dictionary<string, string>();
        foreach (var (key, value) in selector.MatchLabels ?? new Dictionary<string, string>())
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        foreach (var requirement in selector.MatchExpressions ?? [])
        {
            var has = labels.TryGetValue(requirement.Key, out var actual);
            var ok = requirement.OperatorProperty switch
            {
                "In" => has && (requirement.Values ?? []).Contains(actual!),
                "NotIn" => !has || !(requirement.Values ?? []).Contains(actual!),
                "Exists" => has,
                "DoesNotExist" => !has,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

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

    /// <summary>
    /// Parses the query form ("a=b,c!=d,e in (x,y),f notin (z),g,!h"); null with an error for malformed input.
    /// </summary>
    public static V1LabelSelector? Parse(string? query, out string? error)
    {
        var selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string>(), MatchExpressions = [] };
        error = null;
        if (string.IsNullOrWhiteSpace(query))
        {
            return selector;
        }

        foreach (var term in SplitTerms(query))
        {
            var text = term.Trim();
            var setOp = text.Contains(" notin ", StringComparison.Ordinal) ? "NotIn" : text.Contains(" in ", StringComparison.Ordinal) ? "In" : null;
            if (setOp is not null)
            {
                var keyword = setOp == "In" ? " in " : " notin ";
                var at = text.IndexOf(keyword, StringComparison.Ordinal);
                var values = text[(at + keyword.Length)..].Trim();
                if (!values.StartsWith('(') || !values.EndsWith(')'))
                {
                    error = $"invalid label selector term \"{text}\": expected a parenthesised value list";
                    return null;
                }

                selector.MatchExpressions.Add(new V1LabelSelectorRequirement
                {
                    Key = text[..at].Trim(),
                    OperatorProperty = setOp,
                    Values = values[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList(),
                });
            }
            else if (text.Contains("!=", StringComparison.Ordinal))
            {
                var parts = text.Split("!=", 2);
                selector.MatchExpressions.Add(new V1LabelSelectorRequirement { Key = parts[0].Trim(), OperatorProperty = "NotIn", Values = [parts[1].Trim()] });
            }
            else if (text.Contains('=', StringComparison.Ordinal))
            {
                var parts = text.Split(text.Contains("==", StringComparison.Ordinal) ? "==" : "=", 2);
                selector.MatchLabels[parts[0].Trim()] = parts[1].Trim();
            }
            else if (text.StartsWith('!'))
            {
                selector.MatchExpressions.Add(new V1LabelSelectorRequirement { Key = text[1..].Trim(), OperatorProperty = "DoesNotExist" });
            }
            else if (text.Length > 0)
            {
                selector.MatchExpressions.Add(new V1LabelSelectorRequirement { Key = text, OperatorProperty = "Exists" });
            }
        }

        return selector;
    }

    // Commas separate terms except inside "(...)".
    private static IEnumerable<string> SplitTerms(string query)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < query.Length; i++)
        {
            depth += query[i] == '(' ? 1 : query[i] == ')' ? -1 : 0;
            if (query[i] == ',' && depth == 0)
            {
                yield return query[start..i];
                start = i + 1;
            }
        }

        yield return query[start..];
    }
}
