using System.Text;
using System.Text.Json.Nodes;
using EmbeddedKubernetes.Crds;
using EmbeddedKubernetes.Resources;
using EmbeddedKubernetes.Storage;

namespace EmbeddedKubernetes.Api;

/// <summary>The defaults kube-apiserver fills in for the built-ins we serve (the ones clients and printers read).</summary>
internal static class BuiltInDefaults
{
    /// <summary>A pod's default <c>spec.terminationGracePeriodSeconds</c>.</summary>
    public const long TerminationGracePeriodSeconds = 30;

    public static void Apply(ResourceType type, JsonObject node, JsonObject? old, ObjectStore store)
    {
        var spec = node["spec"] as JsonObject;
        switch (type.GroupResource)
        {
            case "namespaces":
                Ensure(node, "spec")["finalizers"] ??= new JsonArray("kubernetes");
                Ensure(node, "status")["phase"] ??= "Active";
                Ensure(Ensure(node, "metadata"), "labels")["kubernetes.io/metadata.name"] = node["metadata"]?["name"]?.DeepClone();
                break;
            case "pods":
                if (spec is not null)
                {
                    PodSpec(spec);
                }

                if (old is null)
                {
                    var status = Ensure(node, "status");
                    status["phase"] ??= "Pending";
                    status["qosClass"] ??= "BestEffort";
                }

                break;
            case "deployments.apps":
                spec = Ensure(node, "spec");
                spec["replicas"] ??= 1;
                spec["revisionHistoryLimit"] ??= 10;
                spec["progressDeadlineSeconds"] ??= 600;
                spec["strategy"] ??= new JsonObject
                {
                    ["type"] = "RollingUpdate",
                    ["rollingUpdate"] = new JsonObject { ["maxUnavailable"] = "25%", ["maxSurge"] = "25%" },
                };
                Template(spec);
                break;
            case "statefulsets.apps":
                spec = Ensure(node, "spec");
                spec["replicas"] ??= 1;
                spec["podManagementPolicy"] ??= "OrderedReady";
                spec["revisionHistoryLimit"] ??= 10;
                spec["updateStrategy"] ??= new JsonObject { ["type"] = "RollingUpdate", ["rollingUpdate"] = new JsonObject { ["partition"] = 0 } };
                Template(spec);
                break;
            case "replicasets.apps":
                spec = Ensure(node, "spec");
                spec["replicas"] ??= 1;
                Template(spec);
                break;
            case "jobs.batch":
                Job(node);
                break;
            case "services":
                Service(node, old, store);
                break;
            case "secrets":
                Secret(node);
                break;
            case "horizontalpodautoscalers.autoscaling":
                spec = Ensure(node, "spec");
                spec["minReplicas"] ??= 1;
                spec["metrics"] ??= new JsonArray(new JsonObject
                {
                    ["type"] = "Resource",
                    ["resource"] = new JsonObject
                    {
                        ["name"] = "cpu",
                        ["target"] = new JsonObject { ["type"] = "Utilization", ["averageUtilization"] = 80 },
                    },
                });
                break;
            case "customresourcedefinitions.apiextensions.k8s.io":
                CrdDefaults.Apply(node);
                break;
        }
    }

    private static JsonObject Ensure(JsonObject parent, string key)
    {
        if (parent[key] is not JsonObject child)
        {
            child = [];
            parent[key] = child;
        }

        return child;
    }

    private static void Template(JsonObject spec)
    {
        if (spec["template"]?["spec"] is JsonObject podSpec)
        {
            PodSpec(podSpec);
        }
    }

    private static void PodSpec(JsonObject spec)
    {
        spec["restartPolicy"] ??= "Always";
        spec["dnsPolicy"] ??= "ClusterFirst";
        spec["schedulerName"] ??= "default-scheduler";
        spec["terminationGracePeriodSeconds"] ??= TerminationGracePeriodSeconds;
        spec["securityContext"] ??= new JsonObject();
        foreach (var container in (spec["containers"] as JsonArray ?? []).Concat(spec["initContainers"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var image = container["image"]?.GetValue<string>() ?? "";
            var tagged = image.Contains('@', StringComparison.Ordinal) || (image.LastIndexOf(':') > image.LastIndexOf('/') && !image.EndsWith(":latest", StringComparison.Ordinal));
            container["imagePullPolicy"] ??= tagged ? "IfNotPresent" : "Always";
            container["terminationMessagePath"] ??= "/dev/termination-log";
            container["terminationMessagePolicy"] ??= "File";
            container["resources"] ??= new JsonObject();
            foreach (var port in (container["ports"] as JsonArray ?? []).OfType<JsonObject>())
            {
                port["protocol"] ??= "TCP";
            }
        }
    }

    private static void Job(JsonObject node)
    {
        var spec = Ensure(node, "spec");
        spec["parallelism"] ??= 1;
        spec["completions"] ??= spec["parallelism"]?.DeepClone();
        spec["backoffLimit"] ??= 6;
        spec["completionMode"] ??= "NonIndexed";
        spec["suspend"] ??= false;
        var uid = node["metadata"]?["uid"]?.GetValue<string>();
        var name = node["metadata"]?["name"]?.GetValue<string>();
        if (uid is null || spec["manualSelector"]?.GetValue<bool>() == true)
        {
            return;
        }

        // The Job API generates a selector on the job's uid and labels the template to match it.
        spec["selector"] ??= new JsonObject { ["matchLabels"] = new JsonObject { ["batch.kubernetes.io/controller-uid"] = uid } };
        var labels = Ensure(Ensure(Ensure(spec, "template"), "metadata"), "labels");
        labels["batch.kubernetes.io/controller-uid"] ??= uid;
        labels["controller-uid"] ??= uid;
        labels["batch.kubernetes.io/job-name"] ??= name;
        labels["job-name"] ??= name;
        Template(spec);
    }

    private static void Service(JsonObject node, JsonObject? old, ObjectStore store)
    {
        var spec = Ensure(node, "spec");
        spec["type"] ??= "ClusterIP";
        spec["sessionAffinity"] ??= "None";
        spec["internalTrafficPolicy"] ??= "Cluster";
        if (spec["type"]?.GetValue<string>() is "ExternalName")
        {
            return;
        }

        spec["ipFamilies"] ??= new JsonArray("IPv4");
        spec["ipFamilyPolicy"] ??= "SingleStack";
        if (spec["clusterIP"] is null)
        {
            spec["clusterIP"] = old?["spec"]?["clusterIP"]?.DeepClone() ?? AllocateClusterIp(store);
        }

        spec["clusterIPs"] ??= new JsonArray(spec["clusterIP"]!.DeepClone());
        foreach (var port in (spec["ports"] as JsonArray ?? []).OfType<JsonObject>())
        {
            port["protocol"] ??= "TCP";
            port["targetPort"] ??= port["port"]?.DeepClone();
        }
    }

    private static string AllocateClusterIp(ObjectStore store)
    {
        var used = store.List("services", null).Items
            .Select(s => s.ToNode()["spec"]?["clusterIP"]?.GetValue<string>()).ToHashSet();
        for (var i = 1; ; i++)
        {
            var candidate = $"10.96.{i / 250}.{(i % 250) + 1}";
            if (!used.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    private static void Secret(JsonObject node)
    {
        node["type"] ??= "Opaque";
        if (node["stringData"] is not JsonObject stringData)
        {
            return;
        }

        var data = Ensure(node, "data");
        foreach (var (key, value) in stringData)
        {
            data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value?.GetValue<string>() ?? ""));
        }

        node.Remove("stringData");
    }
}
