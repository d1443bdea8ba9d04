namespace Operator.Scaling.Modifiers;

/// <summary>The expr-lang builtins a KEDA formula may call: expr-lang's arity and argument-type checks.</summary>
internal static class FormulaFunctions
{
    private static readonly HashSet<string> NumericUnary = ["abs", "ceil", "floor", "round", "float", "int"];
    private static readonly HashSet<string> ArrayAggregates = ["sum", "mean", "median", "len"];

    public static FormulaType Check(CallNode call, FormulaChecker checker)
    {
        var name = call.Function;
        if (NumericUnary.Contains(name))
        {
            RequireArity(call, 1, 1);
            var type = checker.Visit(call.Arguments[0]);
            if (!type.IsNumberLike())
            {
                throw new FormulaSyntaxException($"invalid argument for {name} (type {type.GoName()})", call.Position);
            }

            return name switch
            {
                "int" => FormulaType.Int,
                "abs" => type,
                _ => FormulaType.Float,
            };
        }

        if (name is "min" or "max")
        {
            RequireArity(call, 1, int.MaxValue);
            var args = call.Arguments.Select(checker.Visit).ToList();
            if (args.Count > 1 && args.Any(a => !a.IsNumberLike()))
            {
                var bad = args.First(a => !a.IsNumberLike());
                throw new FormulaSyntaxException($"invalid argument for {name} (type {bad.GoName()})", call.Position);
            }

            return args.All(a => a == FormulaType.Int) ? FormulaType.Int
                : args.All(a => a == FormulaType.Float) ? FormulaType.Float
                : FormulaType.Any;
        }

        if (ArrayAggregates.Contains(name))
        {
            RequireArity(call, 1, 1);
            var type = checker.Visit(call.Arguments[0]);
            RequireArray(call, type);
            return name switch
            {
                "len" => FormulaType.Int,
                "sum" => FormulaType.Any,
                _ => FormulaType.Float,
            };
        }

        if (FormulaParser.PredicateFunctions.Contains(name))
        {
            RequireArity(call, 2, 2);
            RequireArray(call, checker.Visit(call.Arguments[0]));
            var bodyType = checker.VisitClosure((ClosureNode)call.Arguments[1]);
            if (name != "map" && !bodyType.IsBoolLike())
            {
                throw new FormulaSyntaxException($"predicate should return boolean (got {bodyType.GoName()})", call.Arguments[1].Position);
            }

            return name switch
            {
                "count" => FormulaType.Int,
                "filter" or "map" => FormulaType.Array,
                _ => FormulaType.Bool,
            };
        }

        throw new FormulaSyntaxException($"unknown name {name}", call.Position);
    }

    private static void RequireArity(CallNode call, int min, int max)
    {
        if (call.Arguments.Count < min)
        {
            throw new FormulaSyntaxException($"not enough arguments to call {call.Function}", call.Position);
        }

        if (call.Arguments.Count > max)
        {
            throw new FormulaSyntaxException($"too many arguments to call {call.Function}", call.Position);
        }
    }

    private static void RequireArray(CallNode call, FormulaType type)
    {
        if (!type.IsArrayLike())
        {
            throw new FormulaSyntaxException($"builtin {call.Function} takes only array (got {type.GoName()})", call.Position);
        }
    }
}
