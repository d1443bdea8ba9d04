namespace Operator.Scaling.Modifiers;

/// <summary>The expr-lang builtins a KEDA formula may call, with expr-lang's arity and argument-type checks.</summary>
internal static class FormulaFunctions
{
    private static readonly HashSet<string> NumericUnary = ["abs", "ceil", "floor", "round", "float", "int"];
    private static readonly HashSet<string> ArrayAggregates = ["sum", "mean", "median", "len"];

    public static (string Js, FormulaType Type) Translate(CallNode call, FormulaTranslator translator)
    {
        var name = call.Function;
        if (NumericUnary.Contains(name))
        {
            RequireArity(call, 1, 1);
            var (arg, type) = translator.VisitArgument(call.Arguments[0]);
            if (!type.IsNumberLike())
            {
                throw new FormulaSyntaxException($"invalid argument for {name} (type {type.GoName()})", call.Position);
            }

            var result = name switch
            {
                "int" => FormulaType.Int,
                "abs" => type,
                _ => FormulaType.Float,
            };
            return ($"${name}({arg})", result);
        }

        if (name is "min" or "max")
        {
            RequireArity(call, 1, int.MaxValue);
            var args = call.Arguments.Select(translator.VisitArgument).ToList();
            if (args.Count > 1 && args.FirstOrDefault(a => !a.Type.IsNumberLike()) is { Js: not null } bad)
            {
                throw new FormulaSyntaxException($"invalid argument for {name} (type {bad.Type.GoName()})", call.Position);
            }

            var type = args.All(a => a.Type == FormulaType.Int) ? FormulaType.Int
                : args.All(a => a.Type == FormulaType.Float) ? FormulaType.Float
                : FormulaType.Any;
            return ($"${name}({string.Join(", ", args.Select(a => a.Js))})", type);
        }

        if (ArrayAggregates.Contains(name))
        {
            RequireArity(call, 1, 1);
            var (arg, type) = translator.VisitArgument(call.Arguments[0]);
            RequireArray(call, type);
            var result = name switch
            {
                "len" => FormulaType.Int,
                "sum" => FormulaType.Any,
                _ => FormulaType.Float,
            };
            return ($"${name}({arg})", result);
        }

        if (FormulaParser.PredicateFunctions.Contains(name))
        {
            RequireArity(call, 2, 2);
            var (array, type) = translator.VisitArgument(call.Arguments[0]);
            RequireArray(call, type);
            var (predicate, bodyType) = translator.VisitClosure((ClosureNode)call.Arguments[1]);
            if (name != "map" && !bodyType.IsBoolLike())
            {
                throw new FormulaSyntaxException($"predicate should return boolean (got {bodyType.GoName()})", call.Arguments[1].Position);
            }

            var result = name switch
            {
                "count" => FormulaType.Int,
                "filter" or "map" => FormulaType.Array,
                _ => FormulaType.Bool,
            };
            return ($"${name}({array}, {predicate})", result);
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
