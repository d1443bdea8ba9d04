using System.Text;

namespace Operator.Resolution;

/// <summary>Kubernetes' <c>$(VAR)</c> expansion in env values, as KEDA's <c>resolveEnvValue</c> applies it.</summary>
internal static class EnvValueExpander
{
    public static string Expand(string value, IReadOnlyDictionary<string, string> env)
    {
        var buffer = new StringBuilder();
        var checkpoint = 0;
        for (var cursor = 0; cursor < value.Length; cursor++)
        {
            // KEDA only looks for a reference when at least three characters follow the '$'.
            if (value[cursor] != '$' || cursor + 3 >= value.Length)
            {
                continue;
            }

            buffer.Append(value, checkpoint, cursor - checkpoint);
            string content;
            var length = 1;
            switch (value[cursor + 1])
            {
                case '$':
                    content = "$";
                    break;
                case '(':
                    var close = value.IndexOf(')', cursor + 2);
                    if (close < 0)
                    {
                        content = "$(";
                        break;
                    }

                    var key = value[(cursor + 2)..close];
                    content = env.TryGetValue(key, out var resolved) ? resolved : $"$({key})";
                    length = close - cursor;
                    break;
                default:
                    content = "$" + value[cursor + 1];
                    break;
            }

            buffer.Append(content);
            cursor += length;
            checkpoint = cursor + 1;
        }

        return buffer.Append(value, checkpoint, value.Length - checkpoint).ToString();
    }
}
