namespace Operator.Scaling.Modifiers;

/// <summary>A node of a parsed expr-lang formula; <see cref="Position"/> is the 0-based offset in the source.</summary>
internal abstract record FormulaNode(int Position);

internal sealed record NumberNode(int Position, double Value, bool IsInteger) : FormulaNode(Position);

internal sealed record BoolNode(int Position, bool Value) : FormulaNode(Position);

internal sealed record NilNode(int Position) : FormulaNode(Position);

internal sealed record IdentifierNode(int Position, string Name) : FormulaNode(Position);

/// <summary><c>#</c>: the current element inside a predicate closure.</summary>
internal sealed record PointerNode(int Position) : FormulaNode(Position);

internal sealed record UnaryNode(int Position, string Operator, FormulaNode Operand) : FormulaNode(Position);

internal sealed record BinaryNode(int Position, string Operator, FormulaNode Left, FormulaNode Right) : FormulaNode(Position);

internal sealed record ConditionalNode(int Position, FormulaNode Condition, FormulaNode WhenTrue, FormulaNode WhenFalse)
    : FormulaNode(Position);

internal sealed record ArrayNode(int Position, IReadOnlyList<FormulaNode> Items) : FormulaNode(Position);

internal sealed record IndexNode(int Position, FormulaNode Target, FormulaNode Index) : FormulaNode(Position);

internal sealed record ClosureNode(int Position, FormulaNode Body) : FormulaNode(Position);

internal sealed record CallNode(int Position, string Function, IReadOnlyList<FormulaNode> Arguments) : FormulaNode(Position);
