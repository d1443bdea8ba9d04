using System.Text.Json.Nodes;

namespace EmbeddedKubernetes.Tables;

/// <summary>
/// The JSONPath subset printer columns use: <c>.a.b</c>, <c>.a[0]</c>, <c>.a[*].b</c>, <c>.a[-1]</c> and filters
/// <c>[?(@.type=="Ready")]</c>; an optional <c>{…}</c> wrapper is accepted.
/// </summary>
internal static class JsonPathEvaluator
{
    public static IReadOnlyList<JsonNode> Evaluate(JsonNode root, string path)
    {
        var expression = path.Trim();
        if (expression.StartsWith('{') && expression.EndsWith('}'))
        {
            expression = expression[1..^1];
        }

        expression = expression.TrimStart('$');
        IEnumerable<JsonNode> current = [root];
        var i = 0;
        while (i < expression.Length)
        {
            if (expression[i] == '.')
            {
                var end = i + 1;
                while (end < expression.Length && expression[end] is not ('.' or '['))
                {
                    end++;
                }

                var key = expression[(i + 1)..end];
                current = key.Length == 0 ? current : key == "*"
                    ? current.OfType<JsonObject>().SelectMany(o => o.Select(kv => kv.Value)).OfType<JsonNode>()
                    : current.OfType<JsonObject>().Select(o => o[key]).OfType<JsonNode>();
                i = end;
            }
            else if (expression[i] == '[')
            {
                var end = FindClose(expression, i);
                var selector = expression[(i + 1)..end].Trim();
                current = Select(current, selector).ToList();
                i = end + 1;
            }
            else
            {
                return [];
            }
        }

        return current.ToList();
    }

    private static int FindClose(string expression, int open)
    {
        var depth = 0;
        var quote = '\0';
        for (var i = open; i < expression.Length; i++)
        {
            var c = expression[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
                continue;
            }

            if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '[')
            {
                depth++;
            }
            else if (c == ']' && --depth == 0)
            {
                return i;
            }
        }

        return expression.Length - 1;
    }

    private static IEnumerable<JsonNode> Select(IEnumerable<JsonNode> nodes, string selector)
    {
        foreach (var node in nodes)
        {
            if (node is not JsonArray array)
            {
                if (node is JsonObject obj && selector.Trim('\'', '"') is var key && obj[key] is JsonNode child)
                {
                    yield return child;
                }

                continue;
            }

            if (selector == "*")
            {
                foreach (var item in array.OfType<JsonNode>())
                {
                    yield return item;
                }
            }
            else if (selector.StartsWith("?(", StringComparison.Ordinal) && selector.EndsWith(')'))
            {
                foreach (var item in array.OfType<JsonNode>().Where(item => Filter(item, selector[2..^1])))
                {
                    yield return item;
                }
            }
            else if (int.TryParse(selector, System.Globalization.CultureInfo.InvariantCulture, out var index))
            {
                var at = index < 0 ? array.Count + index : index;
                if (at >= 0 && at < array.Count && array[at] is JsonNode item)
                {
                    yield return item;
                }
            }
        }
    }

    private static bool Filter(JsonNode item, string condition)
    {
        var negate = condition.Contains("!=", StringComparison.Ordinal);
        var parts = condition.Split(negate ? "!=" : "==", 2);
        if (parts.Length != 2)
        {
            return Evaluate(item, parts[0].Trim().TrimStart('@')).Count > 0;
        }

        var found = Evaluate(item, parts[0].Trim().TrimStart('@'));
        var left = found.Count > 0 ? found[0] : null;
        var right = parts[1].Trim().Trim('"', '\'');
        var actual = left is JsonValue v && v.TryGetValue<string>(out var s) ? s : left?.ToJsonString();
        return (actual == right) != negate;
    }
}
