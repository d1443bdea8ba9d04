using k8s.Models;

namespace EmbeddedKubernetes.Controllers.Pods;

/// <summary>Renders a runtime state as the pod status a kubelet would write.</summary>
internal static class PodStatusBuilder
{
    public const string HostIp = "127.0.0.1";

    public static V1PodStatus Build(V1Pod pod, PodRuntimeState state)
    {
        var start = state.StartTime.UtcDateTime;
        var transition = state.TransitionTime.UtcDateTime;
        var ready = state.Ready ? "True" : "False";
        var container = pod.Spec.Containers.FirstOrDefault();
        var terminated = state.Phase is "Succeeded" or "Failed";
        var containerState = terminated || state.Reason == "CrashLoopBackOff"
            ? new V1ContainerState
            {
                Terminated = new V1ContainerStateTerminated
                {
                    ExitCode = state.ExitCode ?? 1,
                    Reason = state.Reason,
                    Message = state.Message,
                    StartedAt = start,
                    FinishedAt = transition,
                },
            }
            : state.Phase == "Pending"
                ? new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = state.Reason ?? "ContainerCreating", Message = state.Message } }
                : new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = start } };
        return new V1PodStatus
        {
            Phase = state.Phase,
            Reason = state.Phase == "Failed" ? state.Reason : null,
            Message = state.Message,
            HostIP = HostIp,
            PodIP = HostIp,
            PodIPs = [new V1PodIP { Ip = HostIp }],
            StartTime = start,
            Conditions =
            [
                Condition("PodScheduled", "True", start),
                Condition("Initialized", "True", start),
                Condition("ContainersReady", ready, transition),
                Condition("Ready", ready, transition),
            ],
            ContainerStatuses = container is null ? null :
            [
                new V1ContainerStatus
                {
                    Name = container.Name, Image = container.Image ?? "", ImageID = container.Image ?? "", Ready = state.Ready,
                    Started = state.Phase == "Running", RestartCount = state.RestartCount, State = containerState,
                },
            ],
        };
    }

    private static V1PodCondition Condition(string type, string status, DateTime transition) =>
        new() { Type = type, Status = status, LastTransitionTime = transition };
}
