namespace Operator.Scaling.Modifiers;

internal enum FormulaTokenKind
{
    Number,
    Identifier,
    Operator,
    Bracket,
    End,
}

internal readonly record struct FormulaToken(FormulaTokenKind Kind, string Value, int Position)
{
    public bool Is(FormulaTokenKind kind, string value) => Kind == kind && Value == value;

    public override string ToString() => Kind == FormulaTokenKind.End ? "EOF" : $"{Kind}(\"{Value}\")";
}

/// <summary>Tokenizes the expr-lang subset KEDA formulas use (numbers, names, operators, brackets).</summary>
internal static class FormulaLexer
{
    private static readonly string[] Operators =
    [
        "??", "**", "==", "!=", "<=", ">=", "&&", "||", "..",
        "+", "-", "*", "/", "%", "^", "<", ">", "!", "?", ":", ",", ".", "#",
    ];

    public static List<FormulaToken> Tokenize(string source)
    {
        var tokens = new List<FormulaToken>();
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < source.Length && char.IsAsciiDigit(source[i + 1])))
            {
                tokens.Add(ReadNumber(source, ref i));
            }
            else if (char.IsAsciiLetter(c) || c is '_' or '$')
            {
                var start = i;
                while (i < source.Length && (char.IsAsciiLetterOrDigit(source[i]) || source[i] is '_' or '$'))
                {
                    i++;
                }

                var word = source[start..i];
                var kind = word is "and" or "or" or "not" or "in" ? FormulaTokenKind.Operator : FormulaTokenKind.Identifier;
                tokens.Add(new FormulaToken(kind, word, start));
            }
            else if (c is '(' or ')' or '[' or ']' or '{' or '}')
            {
                tokens.Add(new FormulaToken(FormulaTokenKind.Bracket, c.ToString(), i++));
            }
            else if (c is '"' or '\'' or '`')
            {
                throw new FormulaSyntaxException("string literals are not supported in scaling modifier formulas", i);
            }
            else
            {
                var op = Operators.FirstOrDefault(o => string.CompareOrdinal(source, i, o, 0, o.Length) == 0)
                    ?? throw new FormulaSyntaxException($"unrecognized character: U+{(int)c:X4} '{c}'", i);
                tokens.Add(new FormulaToken(FormulaTokenKind.Operator, op, i));
                i += op.Length;
            }
        }

        tokens.Add(new FormulaToken(FormulaTokenKind.End, "", source.Length));
        return tokens;
    }

    private static FormulaToken ReadNumber(string source, ref int i)
    {
        var start = i;
        while (i < source.Length && (char.IsAsciiDigit(source[i]) || source[i] == '_'))
        {
            i++;
        }

        // "1..3" is a range, not a float.
        if (i + 1 < source.Length && source[i] == '.' && source[i + 1] != '.')
        {
            i++;
            while (i < source.Length && (char.IsAsciiDigit(source[i]) || source[i] == '_'))
            {
                i++;
            }
        }

        if (i < source.Length && source[i] is 'e' or 'E')
        {
            var save = i++;
            if (i < source.Length && source[i] is '+' or '-')
            {
                i++;
            }

            if (i < source.Length && char.IsAsciiDigit(source[i]))
            {
                while (i < source.Length && char.IsAsciiDigit(source[i]))
                {
                    i++;
                }
            }
            else
            {
                i = save;
            }
        }

        return new FormulaToken(FormulaTokenKind.Number, source[start..i].Replace("_", "", StringComparison.Ordinal), start);
    }
}
