namespace EmbeddedKubernetes.Protobuf.Schemas;

/// <summary>Message tables (see <see cref="ProtoSchema"/>) for apps/v1 (Deployment, ReplicaSet, StatefulSet) and batch/v1 (Job, CronJob).</summary>
/// <remarks>Field numbers are the contract published in k8s.io/api and k8s.io/apimachinery generated.proto.</remarks>
internal static class WorkloadTables
{
    public const string Apps = """
        Deployment: metadata 1 ObjectMeta; spec 2 DeploymentSpec; status 3 DeploymentStatus;
        DeploymentSpec: replicas 1 int32?; selector 2 LabelSelector?; template 3 PodTemplateSpec;
            strategy 4 DeploymentStrategy; minReadySeconds 5 int32; revisionHistoryLimit 6 int32?; paused 7 bool;
            progressDeadlineSeconds 9 int32?;
        DeploymentStatus: observedGeneration 1 int64; replicas 2 int32; updatedReplicas 3 int32; readyReplicas 7 int32;
            availableReplicas 4 int32; unavailableReplicas 5 int32; terminatingReplicas 9 int32?;
            conditions 6 []DeploymentCondition; collisionCount 8 int32?;
        DeploymentCondition: type 1 string; status 2 string; lastUpdateTime 6 Time; lastTransitionTime 7 Time;
            reason 4 string; message 5 string;
        DeploymentStrategy: type 1 string; rollingUpdate 2 RollingUpdateDeployment?;
        RollingUpdateDeployment: maxUnavailable 1 IntOrString?; maxSurge 2 IntOrString?;
        ReplicaSet: metadata 1 ObjectMeta; spec 2 ReplicaSetSpec; status 3 ReplicaSetStatus;
        ReplicaSetSpec: replicas 1 int32?; minReadySeconds 4 int32; selector 2 LabelSelector?;
            template 3 PodTemplateSpec;
        ReplicaSetStatus: replicas 1 int32; fullyLabeledReplicas 2 int32; readyReplicas 4 int32;
            availableReplicas 5 int32; terminatingReplicas 7 int32?; observedGeneration 3 int64;
            conditions 6 []ReplicaSetCondition;
        ReplicaSetCondition: type 1 string; status 2 string; lastTransitionTime 3 Time; reason 4 string;
            message 5 string;
        StatefulSet: metadata 1 ObjectMeta; spec 2 StatefulSetSpec; status 3 StatefulSetStatus;
        StatefulSetSpec: replicas 1 int32?; selector 2 LabelSelector?; template 3 PodTemplateSpec; serviceName 5 string;
            podManagementPolicy 6 string; updateStrategy 7 StatefulSetUpdateStrategy; revisionHistoryLimit 8 int32?;
            minReadySeconds 9 int32;
            persistentVolumeClaimRetentionPolicy 10 StatefulSetPersistentVolumeClaimRetentionPolicy?;
            ordinals 11 StatefulSetOrdinals?;
        StatefulSetStatus: observedGeneration 1 int64; replicas 2 int32; readyReplicas 3 int32; currentReplicas 4 int32;
            updatedReplicas 5 int32; currentRevision 6 string; updateRevision 7 string; collisionCount 9 int32?;
            conditions 10 []StatefulSetCondition; availableReplicas 11 int32;
        StatefulSetCondition: type 1 string; status 2 string; lastTransitionTime 3 Time; reason 4 string;
            message 5 string;
        StatefulSetUpdateStrategy: type 1 string; rollingUpdate 2 RollingUpdateStatefulSetStrategy?;
        RollingUpdateStatefulSetStrategy: partition 1 int32?; maxUnavailable 2 IntOrString?;
        StatefulSetPersistentVolumeClaimRetentionPolicy: whenDeleted 1 string; whenScaled 2 string;
        StatefulSetOrdinals: start 1 int32
        """;

    public const string Batch = """
        Job: metadata 1 ObjectMeta; spec 2 JobSpec; status 3 JobStatus;
        JobSpec: parallelism 1 int32?; completions 2 int32?; activeDeadlineSeconds 3 int64?;
            podFailurePolicy 11 PodFailurePolicy?; successPolicy 16 SuccessPolicy?; backoffLimit 7 int32?;
            backoffLimitPerIndex 12 int32?; maxFailedIndexes 13 int32?; selector 4 LabelSelector?;
            manualSelector 5 bool?; template 6 PodTemplateSpec; ttlSecondsAfterFinished 8 int32?;
            completionMode 9 string?; suspend 10 bool?; podReplacementPolicy 14 string?; managedBy 15 string?;
        JobStatus: conditions 1 []JobCondition; startTime 2 Time?; completionTime 3 Time?; active 4 int32;
            succeeded 5 int32; failed 6 int32; terminating 11 int32?; completedIndexes 7 string;
            failedIndexes 10 string?; uncountedTerminatedPods 8 UncountedTerminatedPods?; ready 9 int32?;
        JobCondition: type 1 string; status 2 string; lastProbeTime 3 Time; lastTransitionTime 4 Time; reason 5 string;
            message 6 string;
        JobTemplateSpec: metadata 1 ObjectMeta; spec 2 JobSpec;
        PodFailurePolicy: rules 1 []PodFailurePolicyRule;
        PodFailurePolicyRule: action 1 string; onExitCodes 2 PodFailurePolicyOnExitCodesRequirement?;
            onPodConditions 3 []PodFailurePolicyOnPodConditionsPattern;
        PodFailurePolicyOnExitCodesRequirement: containerName 1 string?; operator 2 string; values 3 []int32;
        PodFailurePolicyOnPodConditionsPattern: type 1 string; status 2 string;
        SuccessPolicy: rules 1 []SuccessPolicyRule;
        SuccessPolicyRule: succeededIndexes 1 string?; succeededCount 2 int32?;
        UncountedTerminatedPods: succeeded 1 []string; failed 2 []string;
        CronJob: metadata 1 ObjectMeta; spec 2 CronJobSpec; status 3 CronJobStatus;
        CronJobSpec: schedule 1 string; timeZone 8 string?; startingDeadlineSeconds 2 int64?;
            concurrencyPolicy 3 string; suspend 4 bool?; jobTemplate 5 JobTemplateSpec;
            successfulJobsHistoryLimit 6 int32?; failedJobsHistoryLimit 7 int32?;
        CronJobStatus: active 1 []ObjectReference; lastScheduleTime 4 Time?; lastSuccessfulTime 5 Time?
        """;
}
