namespace Operator.Scaling.Modifiers;

internal sealed partial class FormulaInterpreter
{
    private object? Call(CallNode call)
    {
        var name = call.Function;
        if (FormulaParser.PredicateFunctions.Contains(name))
        {
            return Predicate(name, Array(name, Evaluate(call.Arguments[0])), (ClosureNode)call.Arguments[1]);
        }

        var args = call.Arguments.Select(Evaluate).ToArray();
        return name switch
        {
            "float" => Number(name, args[0]),
            "int" => Math.Truncate(Number(name, args[0])),
            "abs" => Math.Abs(Number(name, args[0])),
            "ceil" => Math.Ceiling(Number(name, args[0])),
            "floor" => Math.Floor(Number(name, args[0])),
            "round" => Math.Round(Number(name, args[0]), MidpointRounding.AwayFromZero),
            "max" => Extreme(name, args, (a, b) => a > b),
            "min" => Extreme(name, args, (a, b) => a < b),
            "sum" => Sum(Array(name, args[0])),
            "mean" => Array(name, args[0]) is { Length: > 0 } items ? Sum(items) / items.Length : 0d,
            "median" => Median(Array(name, args[0])),
            "len" => (double)Array(name, args[0]).Length,
            _ => throw new FormulaEvaluationException($"unknown name {name}"),
        };
    }

    private object? Predicate(string name, object?[] items, ClosureNode closure)
    {
        var values = new object?[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            _elements.Push(items[i]);
            try
            {
                values[i] = Evaluate(closure.Body);
            }
            finally
            {
                _elements.Pop();
            }
        }

        if (name == "map")
        {
            return values;
        }

        var results = values.Select(v => Bool(name, v)).ToArray();
        var matches = results.Count(r => r);
        return name switch
        {
            "count" => (double)matches,
            "all" => matches == items.Length,
            "any" => matches > 0,
            "none" => matches == 0,
            "one" => matches == 1,
            _ => items.Where((_, i) => results[i]).ToArray(),
        };
    }

    private static double Extreme(string name, object?[] args, Func<double, double, bool> better)
    {
        var items = args.Length == 1 && args[0] is object?[] array ? array : args;
        if (items.Length == 0)
        {
            throw new FormulaEvaluationException($"not enough arguments to call {name}");
        }

        var best = Number(name, items[0]);
        for (var i = 1; i < items.Length; i++)
        {
            var value = Number(name, items[i]);
            if (better(value, best))
            {
                best = value;
            }
        }

        return best;
    }

    private static double Sum(object?[] items)
    {
        var sum = 0d;
        foreach (var item in items)
        {
            sum += Number("sum", item);
        }

        return sum;
    }

    private static double Median(object?[] items)
    {
        var sorted = items.Select(i => Number("median", i)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static object?[] Array(string name, object? value) =>
        value as object?[] ?? throw new FormulaEvaluationException($"invalid argument for {name} (type {TypeName(value)})");
}
