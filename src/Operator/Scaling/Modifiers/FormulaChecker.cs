namespace Operator.Scaling.Modifiers;

/// <summary>
/// Type-checks a parsed formula the way expr-lang's checker does (unknown names, non-numeric arithmetic,
/// non-bool conditions, integer-only <c>%</c>), so a formula that expr-lang rejects at compile time is rejected here.
/// </summary>
internal sealed class FormulaChecker
{
    private readonly IReadOnlySet<string> _variables;
    private int _closureDepth;

    private FormulaChecker(IReadOnlySet<string> variables) => _variables = variables;

    public static FormulaType Check(FormulaNode node, IReadOnlySet<string> variables) => new FormulaChecker(variables).Visit(node);

    internal FormulaType Visit(FormulaNode node) => node switch
    {
        NumberNode n => n.IsInteger ? FormulaType.Int : FormulaType.Float,
        BoolNode => FormulaType.Bool,
        NilNode => FormulaType.Nil,
        IdentifierNode id => _variables.Contains(id.Name)
            ? FormulaType.Float
            : throw new FormulaSyntaxException($"unknown name {id.Name}", id.Position),
        PointerNode p => _closureDepth > 0
            ? FormulaType.Any
            : throw new FormulaSyntaxException("cannot use pointer accessor outside predicate", p.Position),
        UnaryNode u => VisitUnary(u),
        BinaryNode b => VisitBinary(b),
        ConditionalNode c => VisitConditional(c),
        ArrayNode a => VisitArray(a),
        IndexNode i => VisitIndex(i),
        CallNode call => FormulaFunctions.Check(call, this),
        ClosureNode closure => throw new FormulaSyntaxException("unexpected closure", closure.Position),
        _ => throw new FormulaSyntaxException("unsupported expression", node.Position),
    };

    internal FormulaType VisitClosure(ClosureNode closure)
    {
        _closureDepth++;
        try
        {
            return Visit(closure.Body);
        }
        finally
        {
            _closureDepth--;
        }
    }

    private FormulaType VisitArray(ArrayNode node)
    {
        foreach (var item in node.Items)
        {
            Visit(item);
        }

        return FormulaType.Array;
    }

    private FormulaType VisitUnary(UnaryNode node)
    {
        var type = Visit(node.Operand);
        if (node.Operator is "!" or "not")
        {
            RequireUnary(node, type, type.IsBoolLike());
            return FormulaType.Bool;
        }

        RequireUnary(node, type, type.IsNumberLike());
        return type;
    }

    private FormulaType VisitBinary(BinaryNode node)
    {
        var lt = Visit(node.Left);
        var rt = Visit(node.Right);
        var op = node.Operator;
        switch (op)
        {
            case "??":
                return lt == FormulaType.Nil ? rt : lt == rt ? lt : FormulaType.Any;
            case "&&" or "and" or "||" or "or":
                Require(node, lt, rt, lt.IsBoolLike() && rt.IsBoolLike());
                return FormulaType.Bool;
            case "==" or "!=":
                return FormulaType.Bool;
            case "<" or ">" or "<=" or ">=":
                Require(node, lt, rt, lt.IsNumberLike() && rt.IsNumberLike());
                return FormulaType.Bool;
            case "in":
                Require(node, lt, rt, rt.IsArrayLike());
                return FormulaType.Bool;
            case "..":
                Require(node, lt, rt, lt is FormulaType.Int or FormulaType.Any && rt is FormulaType.Int or FormulaType.Any);
                return FormulaType.Array;
            case "%":
                Require(node, lt, rt, lt is FormulaType.Int or FormulaType.Any && rt is FormulaType.Int or FormulaType.Any);
                return FormulaType.Int;
            default:
                Require(node, lt, rt, lt.IsNumberLike() && rt.IsNumberLike());
                return op is "/" or "**" or "^" ? FormulaType.Float
                    : lt == FormulaType.Int && rt == FormulaType.Int ? FormulaType.Int
                    : lt == FormulaType.Any || rt == FormulaType.Any ? FormulaType.Any
                    : FormulaType.Float;
        }
    }

    private FormulaType VisitConditional(ConditionalNode node)
    {
        var ct = Visit(node.Condition);
        if (!ct.IsBoolLike())
        {
            throw new FormulaSyntaxException($"non-bool expression (type {ct.GoName()}) used as condition", node.Condition.Position);
        }

        var tt = Visit(node.WhenTrue);
        var ft = Visit(node.WhenFalse);
        return tt == ft ? tt : FormulaType.Any;
    }

    private FormulaType VisitIndex(IndexNode node)
    {
        var tt = Visit(node.Target);
        var it = Visit(node.Index);
        if (!tt.IsArrayLike() || it is not (FormulaType.Int or FormulaType.Any))
        {
            throw new FormulaSyntaxException($"cannot use {it.GoName()} to get an element from {tt.GoName()}", node.Position);
        }

        return FormulaType.Any;
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
