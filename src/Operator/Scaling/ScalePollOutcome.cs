using Operator.Api;
using Operator.Scaling.Events;

namespace Operator.Scaling;

/// <summary>The status to write and the events to record for one result of the replica write.</summary>
public sealed record ScalePollOutcome(ScaledObjectStatus Status, IReadOnlyList<ScaleEvent> Events, bool StatusChanged);
