using k8s.Models;

namespace Operator.Resolution;

/// <summary>
/// The scale target as far as it can be known offline: its pod spec (null when the kind is not readable from the
/// input) and the container whose env feeds <c>*FromEnv</c>; <see cref="Error"/> when it is missing.
/// </summary>
internal sealed record ScaleTargetResolution(
    string GroupVersionKind, V1PodSpec? PodSpec, string? EnvSourceContainerName, string? Error, string? Warning);
