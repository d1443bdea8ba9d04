using System.Globalization;

namespace Operator.Scaling.Modifiers;

/// <summary>
/// Evaluates a checked formula AST with expr-lang's run-time semantics: arithmetic on nil fails instead of coercing,
/// <c>%</c> is integer modulo, <c>round</c> rounds half away from zero (Go's <c>math.Round</c>), <c>int</c> truncates,
/// negative indexes count from the end. Values are <see cref="double"/>, <see cref="bool"/>, null (nil) and
/// <c>object?[]</c> (arrays). One instance per evaluation: it carries the step budget and the closure elements.
/// </summary>
internal sealed partial class FormulaInterpreter(IReadOnlyDictionary<string, double?> variables)
{
    private readonly Stack<object?> _elements = new();
    private int _steps;

    public object? Evaluate(FormulaNode node)
    {
        if (++_steps > ModifiersDefaults.MaxEvaluationSteps)
        {
            throw new FormulaEvaluationException(
                $"formula evaluation exceeded its limits: more than {ModifiersDefaults.MaxEvaluationSteps} steps");
        }

        return node switch
        {
            NumberNode n => n.Value,
            BoolNode b => b.Value,
            NilNode => null,
            IdentifierNode id => variables.TryGetValue(id.Name, out var v) && v is { } d ? d : null,
            PointerNode => _elements.Peek(),
            UnaryNode u => Unary(u),
            BinaryNode b => Binary(b),
            ConditionalNode c => Bool("?", Evaluate(c.Condition)) ? Evaluate(c.WhenTrue) : Evaluate(c.WhenFalse),
            ArrayNode a => a.Items.Select(Evaluate).ToArray(),
            IndexNode i => Index(Evaluate(i.Target), Evaluate(i.Index)),
            CallNode call => Call(call),
            _ => throw new FormulaEvaluationException("unsupported expression"),
        };
    }

    /// <summary>expr-lang's (Go's) name of a value's type, as its messages print it.</summary>
    public static string TypeName(object? value) => value switch
    {
        null => "<nil>",
        object?[] => "[]interface {}",
        bool => "bool",
        _ => "float64",
    };

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "Formula values are boxed: '!' yields bool, '-' float64.")]
    private object? Unary(UnaryNode node)
    {
        var operand = Evaluate(node.Operand);
        if (node.Operator is "!" or "not")
        {
            return !Bool(node.Operator, operand);
        }

        var number = Number(node.Operator, operand);
        return node.Operator == "-" ? -number : number;
    }

    private object? Binary(BinaryNode node)
    {
        var op = node.Operator;
        switch (op)
        {
            case "??":
                return Evaluate(node.Left) ?? Evaluate(node.Right);
            case "&&" or "and":
                return Bool(op, Evaluate(node.Left)) && Bool(op, Evaluate(node.Right));
            case "||" or "or":
                return Bool(op, Evaluate(node.Left)) || Bool(op, Evaluate(node.Right));
        }

        var left = Evaluate(node.Left);
        var right = Evaluate(node.Right);
        switch (op)
        {
            case "==":
                return AreEqual(left, right);
            case "!=":
                return !AreEqual(left, right);
            case "in":
                return right is object?[] items
                    ? items.Any(item => AreEqual(left, item))
                    : throw new FormulaEvaluationException($"operator \"in\" not defined on {TypeName(right)}");
            case "..":
                return Range(left, right);
        }

        if (left is not double a || right is not double b)
        {
            throw new FormulaEvaluationException($"invalid operation: {TypeName(left)} {op} {TypeName(right)}");
        }

        return op switch
        {
            "<" => a < b,
            ">" => a > b,
            "<=" => a <= b,
            ">=" => a >= b,
            "+" => a + b,
            "-" => a - b,
            "*" => a * b,
            "/" => a / b,
            "%" => Math.Truncate(b) == 0
                ? throw new FormulaEvaluationException("integer divide by zero")
                : Math.Truncate(a) % Math.Truncate(b),
            _ => Math.Pow(a, b),
        };
    }

    private static object?[] Range(object? left, object? right)
    {
        if (left is not double from || right is not double to)
        {
            throw new FormulaEvaluationException($"invalid operation: {TypeName(left)} .. {TypeName(right)}");
        }

        if (to - from > ModifiersDefaults.MaxRangeLength)
        {
            throw new FormulaEvaluationException("range too large");
        }

        var items = new List<object?>();
        for (var i = from; i <= to; i++)
        {
            items.Add(i);
        }

        return [.. items];
    }

    private static object? Index(object? target, object? index)
    {
        if (target is not object?[] items)
        {
            throw new FormulaEvaluationException($"cannot fetch {Format(index)} from {TypeName(target)}");
        }

        var i = index is double d ? d : double.NaN;
        var j = i < 0 ? items.Length + i : i;
        if (!(j >= 0 && j < items.Length))
        {
            throw new FormulaEvaluationException($"index out of range: {Format(index)} (array length is {items.Length})");
        }

        return items[(int)j];
    }

    private static bool AreEqual(object? left, object? right) => (left, right) switch
    {
        (object?[] a, object?[] b) => a.Length == b.Length && a.Zip(b).All(p => AreEqual(p.First, p.Second)),
        (double a, double b) => a == b,
        (bool a, bool b) => a == b,
        (null, null) => true,
        _ => false,
    };

    private static bool Bool(string op, object? value) =>
        value is bool b ? b : throw new FormulaEvaluationException($"invalid operation: {op} (mismatched type {TypeName(value)})");

    private static double Number(string name, object? value) =>
        value is double d ? d : throw new FormulaEvaluationException($"invalid argument for {name} (type {TypeName(value)})");

    private static string Format(object? value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        null => "null",
        _ => TypeName(value),
    };
}
