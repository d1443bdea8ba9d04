using System.Globalization;

namespace Operator.Scaling.Modifiers;

/// <summary>
/// Type-checks a parsed formula the way expr-lang's checker does (unknown names, non-numeric arithmetic,
/// non-bool conditions, integer-only <c>%</c>) and emits an equivalent JavaScript expression over the runtime
/// helpers in <see cref="FormulaRuntime"/>. Variables become positional parameters <c>$v0..$vN</c>.
/// </summary>
internal sealed class FormulaTranslator
{
    private readonly IReadOnlyDictionary<string, int> _variables;
    private int _closureDepth;

    private FormulaTranslator(IReadOnlyDictionary<string, int> variables) => _variables = variables;

    public static (string Js, FormulaType Type) Translate(FormulaNode node, IReadOnlyDictionary<string, int> variables) =>
        new FormulaTranslator(variables).Visit(node);

    private (string Js, FormulaType Type) Visit(FormulaNode node) => node switch
    {
        NumberNode n => (n.Value.ToString("R", CultureInfo.InvariantCulture), n.IsInteger ? FormulaType.Int : FormulaType.Float),
        BoolNode b => (b.Value ? "true" : "false", FormulaType.Bool),
        NilNode => ("null", FormulaType.Nil),
        IdentifierNode id => _variables.TryGetValue(id.Name, out var slot)
            ? ($"$v{slot}", FormulaType.Float)
            : throw new FormulaSyntaxException($"unknown name {id.Name}", id.Position),
        PointerNode p => _closureDepth > 0
            ? ($"$e{_closureDepth}", FormulaType.Any)
            : throw new FormulaSyntaxException("cannot use pointer accessor outside predicate", p.Position),
        UnaryNode u => VisitUnary(u),
        BinaryNode b => VisitBinary(b),
        ConditionalNode c => VisitConditional(c),
        ArrayNode a => ($"[{string.Join(", ", a.Items.Select(i => Visit(i).Js))}]", FormulaType.Array),
        IndexNode i => VisitIndex(i),
        CallNode call => FormulaFunctions.Translate(call, this),
        ClosureNode closure => throw new FormulaSyntaxException("unexpected closure", closure.Position),
        _ => throw new FormulaSyntaxException("unsupported expression", node.Position),
    };

    internal (string Js, FormulaType Type) VisitArgument(FormulaNode node) => Visit(node);

    internal (string Js, FormulaType Type) VisitClosure(ClosureNode closure)
    {
        _closureDepth++;
        try
        {
            var (js, type) = Visit(closure.Body);
            return ($"(($e{_closureDepth}) => {js})", type);
        }
        finally
        {
            _closureDepth--;
        }
    }

    private (string Js, FormulaType Type) VisitUnary(UnaryNode node)
    {
        var (js, type) = Visit(node.Operand);
        switch (node.Operator)
        {
            case "!" or "not":
                RequireUnary(node, type, type.IsBoolLike());
                return ($"(!$bool('{node.Operator}', {js}))", FormulaType.Bool);
            default:
                RequireUnary(node, type, type.IsNumberLike());
                return ($"$neg('{node.Operator}', {js})", type);
        }
    }

    private (string Js, FormulaType Type) VisitBinary(BinaryNode node)
    {
        var (left, lt) = Visit(node.Left);
        var (right, rt) = Visit(node.Right);
        var op = node.Operator;
        switch (op)
        {
            case "??":
                return ($"({left} ?? {right})", lt == FormulaType.Nil ? rt : lt == rt ? lt : FormulaType.Any);
            case "&&" or "and" or "||" or "or":
                Require(node, lt, rt, lt.IsBoolLike() && rt.IsBoolLike());
                var js = op is "&&" or "and" ? "&&" : "||";
                return ($"($bool('{op}', {left}) {js} $bool('{op}', {right}))", FormulaType.Bool);
            case "==" or "!=":
                return ($"({(op == "!=" ? "!" : "")}$eq({left}, {right}))", FormulaType.Bool);
            case "<" or ">" or "<=" or ">=":
                Require(node, lt, rt, lt.IsNumberLike() && rt.IsNumberLike());
                return ($"$cmp('{op}', {left}, {right})", FormulaType.Bool);
            case "in":
                Require(node, lt, rt, rt.IsArrayLike());
                return ($"$in({left}, {right})", FormulaType.Bool);
            case "..":
                Require(node, lt, rt, lt is FormulaType.Int or FormulaType.Any && rt is FormulaType.Int or FormulaType.Any);
                return ($"$range({left}, {right})", FormulaType.Array);
            case "%":
                Require(node, lt, rt, lt is FormulaType.Int or FormulaType.Any && rt is FormulaType.Int or FormulaType.Any);
                return ($"$arith('%', {left}, {right})", FormulaType.Int);
            default:
                Require(node, lt, rt, lt.IsNumberLike() && rt.IsNumberLike());
                var type = op is "/" or "**" or "^" ? FormulaType.Float
                    : lt == FormulaType.Int && rt == FormulaType.Int ? FormulaType.Int
                    : lt == FormulaType.Any || rt == FormulaType.Any ? FormulaType.Any
                    : FormulaType.Float;
                return ($"$arith('{op}', {left}, {right})", type);
        }
    }

    private (string Js, FormulaType Type) VisitConditional(ConditionalNode node)
    {
        var (condition, ct) = Visit(node.Condition);
        if (!ct.IsBoolLike())
        {
            throw new FormulaSyntaxException($"non-bool expression (type {ct.GoName()}) used as condition", node.Condition.Position);
        }

        var (whenTrue, tt) = Visit(node.WhenTrue);
        var (whenFalse, ft) = Visit(node.WhenFalse);
        return ($"($bool('?', {condition}) ? {whenTrue} : {whenFalse})", tt == ft ? tt : FormulaType.Any);
    }

    private (string Js, FormulaType Type) VisitIndex(IndexNode node)
    {
        var (target, tt) = Visit(node.Target);
        var (index, it) = Visit(node.Index);
        if (!tt.IsArrayLike() || it is not (FormulaType.Int or FormulaType.Any))
        {
            throw new FormulaSyntaxException($"cannot use {it.GoName()} to get an element from {tt.GoName()}", node.Position);
        }

        return ($"$index({target}, {index})", FormulaType.Any);
    }

    private static void Require(BinaryNode node, FormulaType left, FormulaType right, bool ok)
    {
        if (!ok)
        {
            throw new FormulaSyntaxException(
                $"invalid operation: {node.Operator} (mismatched types {left.GoName()} and {right.GoName()})", node.Position);
        }
    }

    private static void RequireUnary(UnaryNode node, FormulaType operand, bool ok)
    {
        if (!ok)
        {
            throw new FormulaSyntaxException($"invalid operation: {node.Operator} (mismatched type {operand.GoName()})", node.Position);
        }
    }
}
