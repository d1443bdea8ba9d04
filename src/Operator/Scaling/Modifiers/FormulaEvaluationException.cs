namespace Operator.Scaling.Modifiers;

/// <summary>A formula failed at run time (nil in arithmetic, division of integers by zero, exceeded limits).</summary>
public sealed class FormulaEvaluationException : Exception
{
    public FormulaEvaluationException()
    {
    }

    public FormulaEvaluationException(string message)
        : base(message)
    {
    }

    public FormulaEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
