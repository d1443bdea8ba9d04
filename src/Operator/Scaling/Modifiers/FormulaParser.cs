using System.Globalization;

namespace Operator.Scaling.Modifiers;

/// <summary>Precedence-climbing parser with expr-lang's operator table (so <c>a ?? b + 1</c> is <c>(a ?? b) + 1</c>).</summary>
internal sealed class FormulaParser
{
    private static readonly Dictionary<string, (int Precedence, bool RightAssociative)> BinaryOperators = new()
    {
        ["or"] = (10, false),
        ["||"] = (10, false),
        ["and"] = (15, false),
        ["&&"] = (15, false),
        ["=="] = (20, false),
        ["!="] = (20, false),
        ["<"] = (20, false),
        [">"] = (20, false),
        ["<="] = (20, false),
        [">="] = (20, false),
        ["in"] = (20, false),
        [".."] = (25, false),
        ["+"] = (30, false),
        ["-"] = (30, false),
        ["*"] = (60, false),
        ["/"] = (60, false),
        ["%"] = (60, false),
        ["**"] = (100, true),
        ["^"] = (100, true),
        ["??"] = (500, false),
    };

    private static readonly Dictionary<string, int> UnaryOperators = new()
    {
        ["not"] = 50,
        ["!"] = 50,
        ["-"] = 90,
        ["+"] = 90,
    };

    /// <summary>Builtins whose second argument is a predicate closure over <c>#</c>.</summary>
    internal static readonly HashSet<string> PredicateFunctions = ["all", "any", "none", "one", "count", "filter", "map"];

    /// <summary>Deepest nesting accepted, so a hostile formula cannot exhaust the stack.</summary>
    private const int MaxDepth = 100;

    private readonly List<FormulaToken> _tokens;
    private int _index;
    private int _depth;

    private FormulaParser(List<FormulaToken> tokens) => _tokens = tokens;

    private FormulaToken Current => _tokens[_index];

    public static FormulaNode Parse(string source)
    {
        var parser = new FormulaParser(FormulaLexer.Tokenize(source));
        var node = parser.ParseExpression(0);
        if (parser.Current.Kind != FormulaTokenKind.End)
        {
            throw Unexpected(parser.Current);
        }

        return node;
    }

    private FormulaNode ParseExpression(int precedence)
    {
        if (++_depth > MaxDepth)
        {
            throw new FormulaSyntaxException("formula is nested too deeply", Current.Position);
        }

        try
        {
            return ParseExpressionCore(precedence);
        }
        finally
        {
            _depth--;
        }
    }

    private FormulaNode ParseExpressionCore(int precedence)
    {
        var left = ParsePrimary();
        while (Current.Kind == FormulaTokenKind.Operator
               && BinaryOperators.TryGetValue(Current.Value, out var op)
               && op.Precedence >= precedence)
        {
            var token = Next();
            var right = ParseExpression(op.RightAssociative ? op.Precedence : op.Precedence + 1);
            left = new BinaryNode(token.Position, token.Value, left, right);
        }

        return precedence == 0 ? ParseConditional(left) : left;
    }

    private FormulaNode ParseConditional(FormulaNode node)
    {
        while (Current.Is(FormulaTokenKind.Operator, "?"))
        {
            var token = Next();
            var whenTrue = ParseExpression(0);
            Expect(FormulaTokenKind.Operator, ":");
            var whenFalse = ParseExpression(0);
            node = new ConditionalNode(token.Position, node, whenTrue, whenFalse);
        }

        return node;
    }

    private FormulaNode ParsePrimary()
    {
        var token = Current;
        if (token.Kind == FormulaTokenKind.Operator && UnaryOperators.TryGetValue(token.Value, out var precedence))
        {
            Next();
            var operand = ParseExpression(precedence);
            return ParsePostfix(new UnaryNode(token.Position, token.Value, operand));
        }

        if (token.Is(FormulaTokenKind.Bracket, "("))
        {
            Next();
            var inner = ParseExpression(0);
            Expect(FormulaTokenKind.Bracket, ")");
            return ParsePostfix(inner);
        }

        return ParsePostfix(ParseOperand());
    }

    private FormulaNode ParseOperand()
    {
        var token = Next();
        switch (token.Kind)
        {
            case FormulaTokenKind.Number:
                return ParseNumber(token);
            case FormulaTokenKind.Identifier when token.Value is "true" or "false":
                return new BoolNode(token.Position, token.Value == "true");
            case FormulaTokenKind.Identifier when token.Value == "nil":
                return new NilNode(token.Position);
            case FormulaTokenKind.Identifier when Current.Is(FormulaTokenKind.Bracket, "("):
                return ParseCall(token);
            case FormulaTokenKind.Identifier:
                return new IdentifierNode(token.Position, token.Value);
            case FormulaTokenKind.Operator when token.Value == "#":
                return new PointerNode(token.Position);
            case FormulaTokenKind.Bracket when token.Value == "[":
                return ParseArray(token);
            default:
                throw Unexpected(token);
        }
    }

    private static NumberNode ParseNumber(FormulaToken token)
    {
        var text = token.Value;
        var isInteger = text.All(char.IsAsciiDigit);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormulaSyntaxException($"invalid number literal: {text}", token.Position);
        }

        return new NumberNode(token.Position, value, isInteger);
    }

    private CallNode ParseCall(FormulaToken name)
    {
        Expect(FormulaTokenKind.Bracket, "(");
        var arguments = new List<FormulaNode>();
        var predicate = PredicateFunctions.Contains(name.Value);
        while (!Current.Is(FormulaTokenKind.Bracket, ")"))
        {
            if (arguments.Count > 0)
            {
                Expect(FormulaTokenKind.Operator, ",");
            }

            arguments.Add(predicate && arguments.Count == 1 ? ParseClosure() : ParseExpression(0));
        }

        Expect(FormulaTokenKind.Bracket, ")");
        return new CallNode(name.Position, name.Value, arguments);
    }

    private ClosureNode ParseClosure()
    {
        var start = Current;
        if (!start.Is(FormulaTokenKind.Bracket, "{"))
        {
            return new ClosureNode(start.Position, ParseExpression(0));
        }

        Next();
        var body = ParseExpression(0);
        Expect(FormulaTokenKind.Bracket, "}");
        return new ClosureNode(start.Position, body);
    }

    private ArrayNode ParseArray(FormulaToken open)
    {
        var items = new List<FormulaNode>();
        while (!Current.Is(FormulaTokenKind.Bracket, "]"))
        {
            if (items.Count > 0)
            {
                Expect(FormulaTokenKind.Operator, ",");
                if (Current.Is(FormulaTokenKind.Bracket, "]"))
                {
                    break;
                }
            }

            items.Add(ParseExpression(0));
        }

        Expect(FormulaTokenKind.Bracket, "]");
        return new ArrayNode(open.Position, items);
    }

    private FormulaNode ParsePostfix(FormulaNode node)
    {
        while (true)
        {
            if (Current.Is(FormulaTokenKind.Bracket, "["))
            {
                var open = Next();
                var index = ParseExpression(0);
                Expect(FormulaTokenKind.Bracket, "]");
                node = new IndexNode(open.Position, node, index);
            }
            else if (Current.Is(FormulaTokenKind.Operator, "."))
            {
                throw new FormulaSyntaxException("member access is not supported in scaling modifier formulas", Current.Position);
            }
            else
            {
                return node;
            }
        }
    }

    private FormulaToken Next() => _tokens[_index < _tokens.Count - 1 ? _index++ : _index];

    private void Expect(FormulaTokenKind kind, string value)
    {
        if (!Current.Is(kind, value))
        {
            throw Unexpected(Current);
        }

        Next();
    }

    private static FormulaSyntaxException Unexpected(FormulaToken token) =>
        new(token.Kind == FormulaTokenKind.End ? "unexpected token EOF" : $"unexpected token {token}", token.Position);
}
