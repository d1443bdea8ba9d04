using k8s;
using k8s.Models;
using Kubernetes.Controller.Events;
using Kubernetes.Controller.Informers;
using Microsoft.Extensions.Logging;

namespace EmbeddedKubernetes.Controllers.Workloads;

/// <summary>
/// Job → Pods → completion: keeps min(parallelism, remaining completions) pods active, counts succeeded/failed pods,
/// and finishes with the Complete (or Failed, BackoffLimitExceeded) condition and a Completed event.
/// </summary>
internal sealed class JobController(IKubernetes client, SharedInformers informers, EventRecorder events, ILogger logger, TimeProvider time)
    : WorkloadController<V1Job, V1Pod>("job-controller", V1Job.KubeKind, informers.Jobs, informers.Pods, client, events, logger, time)
{
    private const int DefaultBackoffLimit = 6;

    protected override async Task ReconcileAsync(string key, V1Job job, List<V1Pod> owned, CancellationToken cancellationToken)
    {
        var ns = job.Metadata.NamespaceProperty;
        var succeeded = owned.Count(p => p.Status?.Phase == "Succeeded");
        var failed = owned.Count(p => p.Status?.Phase == "Failed");
        var activePods = owned.Where(KubeObjects.IsActive).ToList();
        var effective = Expectations.Effective(key, activePods.Select(p => p.Metadata.Name), owned.Select(p => p.Metadata.Name).ToHashSet(StringComparer.Ordinal));
        var completions = job.Spec.Completions ?? 1;
        var parallelism = job.Spec.Parallelism ?? 1;
        var finished = job.Status?.Conditions?.Any(c => c.Type is "Complete" or "Failed" && c.Status == "True") == true;
        var now = Time.GetUtcNow().UtcDateTime;
        var conditions = job.Status?.Conditions?.ToList() ?? [];
        DateTime? completionTime = job.Status?.CompletionTime;

        if (!finished && succeeded >= completions)
        {
            conditions.Add(Condition("SuccessCriteriaMet", "CompletionsReached", "Reached expected number of succeeded pods", now));
            conditions.Add(Condition("Complete", "CompletionsReached", "Reached expected number of succeeded pods", now));
            completionTime = now;
            await Events.RecordAsync(job, EventRecorder.Normal, "Completed", "Job completed", cancellationToken).ConfigureAwait(false);
        }
        else if (!finished && failed > (job.Spec.BackoffLimit ?? DefaultBackoffLimit))
        {
            conditions.Add(Condition("FailureTarget", "BackoffLimitExceeded", "Job has reached the specified backoff limit", now));
            conditions.Add(Condition("Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit", now));
            await Events.RecordAsync(job, EventRecorder.Warning, "BackoffLimitExceeded", "Job has reached the specified backoff limit",
                cancellationToken).ConfigureAwait(false);
            foreach (var pod in activePods)
            {
                await DeletePodAsync(ns, pod.Metadata.Name, cancellationToken).ConfigureAwait(false);
            }
        }
        else if (!finished && job.Spec.Suspend != true)
        {
            var wanted = Math.Min(parallelism, completions - succeeded) - effective.Count;
            for (var i = 0; i < wanted; i++)
            {
                var name = $"{job.Metadata.Name}-{KubeObjects.RandomSuffix()}";
                var labels = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["batch.kubernetes.io/job-name"] = job.Metadata.Name,
                    ["job-name"] = job.Metadata.Name,
                    ["batch.kubernetes.io/controller-uid"] = job.Metadata.Uid,
                    ["controller-uid"] = job.Metadata.Uid,
                };
                var pod = PodFactory.FromTemplate(job.Spec.Template, KubeObjects.OwnerReference(job), ns, name, labels);
                if (pod.Spec.RestartPolicy == "Always")
                {
                    pod.Spec.RestartPolicy = "Never";
                }

                await CreatePodAsync(key, job, pod, $"Created pod: {name}", cancellationToken).ConfigureAwait(false);
            }
        }

        var status = new V1JobStatus
        {
            Active = activePods.Count,
            Succeeded = succeeded,
            Failed = failed,
            Ready = activePods.Count(KubeObjects.IsReady),
            StartTime = job.Status?.StartTime ?? now,
            CompletionTime = completionTime,
            Conditions = conditions.Count > 0 ? conditions : null,
        };
        var old = job.Status;
        var previous = old is null ? null : new V1JobStatus
        {
            Active = old.Active ?? 0,
            Succeeded = old.Succeeded ?? 0,
            Failed = old.Failed ?? 0,
            Ready = old.Ready ?? 0,
            StartTime = old.StartTime,
            CompletionTime = old.CompletionTime,
            Conditions = old.Conditions is { Count: > 0 } c ? c : null,
        };
        if (!KubeObjects.SameJson(status, previous))
        {
            await Client.BatchV1.PatchNamespacedJobStatusAsync(KubeObjects.StatusPatch(status), job.Metadata.Name, ns, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private static V1JobCondition Condition(string type, string reason, string message, DateTime now) => new()
    {
        Type = type,
        Status = "True",
        Reason = reason,
        Message = message,
        LastProbeTime = now,
        LastTransitionTime = now,
    };

}
