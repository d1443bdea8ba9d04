namespace Operator.Decisions;

/// <summary>The last decisions per ScaledObject, bounded in memory; the scale loop writes, the HTTP endpoint reads.</summary>
public interface IDecisionLog
{
    void Record(string @namespace, string name, DecisionRecord record);

    /// <summary>The most recent decisions for one ScaledObject, oldest first; empty when there are none.</summary>
    IReadOnlyList<DecisionRecord> Recent(string @namespace, string name);

    /// <summary>Forgets a ScaledObject (it was deleted).</summary>
    void Forget(string @namespace, string name);
}
