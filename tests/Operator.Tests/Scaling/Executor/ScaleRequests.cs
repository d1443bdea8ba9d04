using Operator.Api;
using Operator.Scaling;
using Operator.Scaling.Executor;
using Operator.Scaling.Status;

namespace Operator.Tests.Scaling.Executor;

/// <summary>Builders shared by the RequestScale tests.</summary>
internal static class ScaleRequests
{
    internal static ScaledObject NewScaledObject(int? min = null, int? idle = null, int? max = null, params (string Key, string Value)[] annotations) => new()
    {
        Metadata = new k8s.Models.V1ObjectMeta
        {
            Name = "name",
            NamespaceProperty = "namespace",
            Annotations = annotations.ToDictionary(a => a.Key, a => a.Value),
        },
        Spec = new ScaledObjectSpec
        {
            ScaleTargetRef = new ScaleTarget { Name = "name" },
            MinReplicaCount = min,
            IdleReplicaCount = idle,
            MaxReplicaCount = max,
        },
        Status = new ScaledObjectStatus { Conditions = ScaledObjectConditions.CreateInitial() },
    };

    internal static ScaleRequest Request(ScaledObject so, int current, bool active, bool error = false, params string[] triggers) =>
        new(so, current, active, error, triggers);

    internal static Condition Cond(ScaleOutcome outcome, string type) => ScaledObjectConditions.Find(outcome.Conditions, type)!;
}
