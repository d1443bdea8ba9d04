namespace Operator.Decisions;

/// <summary>The JSON body of <c>GET /decisions/{namespace}/{name}</c>; <c>explain</c> reads it back.</summary>
public sealed record DecisionList(string Namespace, string Name, IReadOnlyList<DecisionRecord> Decisions);
