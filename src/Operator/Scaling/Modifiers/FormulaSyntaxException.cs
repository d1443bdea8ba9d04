namespace Operator.Scaling.Modifiers;

/// <summary>A compile error at a source offset; rendered like expr-lang (<c>msg (line:col)</c> plus a snippet).</summary>
internal sealed class FormulaSyntaxException(string message, int position) : Exception(message)
{
    public int Position { get; } = position;

    /// <summary>expr-lang's <c>file.Error</c> format: <c>message (1:col)\n | source\n | ....^</c>.</summary>
    public string Render(string source)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < Position && i < source.Length; i++)
        {
            if (source[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        var lineEnd = source.IndexOf('\n', lineStart);
        var snippet = source[lineStart..(lineEnd < 0 ? source.Length : lineEnd)].Replace('\t', ' ');
        var column = Math.Max(0, Position - lineStart);
        return $"{Message} ({line}:{column + 1})\n | {snippet}\n | {new string('.', column)}^";
    }
}
