namespace Operator.Scaling.Modifiers;

/// <summary>Static types the checker tracks, named in messages as expr-lang (Go) names them.</summary>
internal enum FormulaType
{
    Any,
    Int,
    Float,
    Bool,
    Nil,
    Array,
}

internal static class FormulaTypeExtensions
{
    public static string GoName(this FormulaType type) => type switch
    {
        FormulaType.Int => "int",
        FormulaType.Float => "float64",
        FormulaType.Bool => "bool",
        FormulaType.Nil => "<nil>",
        FormulaType.Array => "[]interface {}",
        _ => "interface {}",
    };

    public static bool IsNumberLike(this FormulaType type) => type is FormulaType.Int or FormulaType.Float or FormulaType.Any;

    public static bool IsBoolLike(this FormulaType type) => type is FormulaType.Bool or FormulaType.Any;

    public static bool IsArrayLike(this FormulaType type) => type is FormulaType.Array or FormulaType.Any;
}
