using System.Globalization;
using System.Text.Json.Nodes;
using Kubernetes.Controller.Selectors;

namespace EmbeddedKubernetes.Tables;

/// <summary>The columns kube-apiserver's printers produce for the built-ins (pkg/printers/internalversion).</summary>
internal static class BuiltInColumns
{
    public static IReadOnlyList<TableColumn> For(string groupResource, TableBuilder b) => groupResource switch
    {
        "pods" =>
        [
            new("Ready", "string", 0, o => PodReady(o)),
            new("Status", "string", 0, PodStatus),
            new("Restarts", "string", 0, o => Containers(o, "containerStatuses").Sum(c => Int(c["restartCount"])).ToString(CultureInfo.InvariantCulture)),
            b.Age(),
            new("IP", "string", 1, o => Or(o["status"]?["podIP"], "<none>")),
            new("Node", "string", 1, o => Or(o["spec"]?["nodeName"], "<none>")),
            new("Nominated Node", "string", 1, o => Or(o["status"]?["nominatedNodeName"], "<none>")),
            new("Readiness Gates", "string", 1, _ => "<none>"),
        ],
        "deployments.apps" =>
        [
            new("Ready", "string", 0, o => $"{Int(o["status"]?["readyReplicas"])}/{Int(o["spec"]?["replicas"])}"),
            new("Up-to-date", "integer", 0, o => Int(o["status"]?["updatedReplicas"])),
            new("Available", "integer", 0, o => Int(o["status"]?["availableReplicas"])),
            b.Age(), .. WorkloadWide(true),
        ],
        "statefulsets.apps" =>
        [
            new("Ready", "string", 0, o => $"{Int(o["status"]?["readyReplicas"])}/{Int(o["spec"]?["replicas"])}"),
            b.Age(), .. WorkloadWide(false),
        ],
        "replicasets.apps" =>
        [
            new("Desired", "integer", 0, o => Int(o["spec"]?["replicas"])),
            new("Current", "integer", 0, o => Int(o["status"]?["replicas"])),
            new("Ready", "integer", 0, o => Int(o["status"]?["readyReplicas"])),
            b.Age(), .. WorkloadWide(true),
        ],
        "jobs.batch" =>
        [
            new("Status", "string", 0, JobStatus),
            new("Completions", "string", 0, o => $"{Int(o["status"]?["succeeded"])}/{Int(o["spec"]?["completions"])}"),
            new("Duration", "string", 0, o => o["status"]?["startTime"] is null ? "" : b.Since(o["status"]?["startTime"])),
            b.Age(), .. WorkloadWide(true),
        ],
        "services" =>
        [
            new("Type", "string", 0, o => o["spec"]?["type"]?.DeepClone()),
            new("Cluster-IP", "string", 0, o => Or(o["spec"]?["clusterIP"], "<none>")),
            new("External-IP", "string", 0, o => o["spec"]?["externalName"]?.DeepClone() ?? "<none>"),
            new("Port(s)", "string", 0, ServicePorts),
            b.Age(),
            new("Selector", "string", 1, o => o["spec"]?["selector"] is JsonObject s && s.Count > 0 ? string.Join(",", s.Select(kv => $"{kv.Key}={kv.Value}")) : "<none>"),
        ],
        "horizontalpodautoscalers.autoscaling" =>
        [
            new("Reference", "string", 0, o => $"{o["spec"]?["scaleTargetRef"]?["kind"]}/{o["spec"]?["scaleTargetRef"]?["name"]}"),
            new("Targets", "string", 0, HpaTargets.Format),
            new("MinPods", "string", 0, o => o["spec"]?["minReplicas"] is null ? "<unset>" : Int(o["spec"]?["minReplicas"]).ToString(CultureInfo.InvariantCulture)),
            new("MaxPods", "integer", 0, o => Int(o["spec"]?["maxReplicas"])),
            new("Replicas", "integer", 0, o => Int(o["status"]?["currentReplicas"])),
            b.Age(),
        ],
        "cronjobs.batch" =>
        [
            new("Schedule", "string", 0, o => o["spec"]?["schedule"]?.DeepClone()),
            new("Timezone", "string", 0, o => Or(o["spec"]?["timeZone"], "<none>")),
            new("Suspend", "boolean", 0, o => o["spec"]?["suspend"] is JsonValue v ? (v.GetValue<bool>() ? "True" : "False") : "<unset>"),
            new("Active", "integer", 0, o => (o["status"]?["active"] as JsonArray)?.Count ?? 0),
            new("Last Schedule", "string", 0, o => o["status"]?["lastScheduleTime"] is { } t ? b.Since(t) : "<none>"),
            b.Age(), .. CronJobWide(),
        ],
        "poddisruptionbudgets.policy" =>
        [
            new("Min Available", "string", 0, o => o["spec"]?["minAvailable"] is { } v ? v.ToString() : "N/A"),
            new("Max Unavailable", "string", 0, o => o["spec"]?["maxUnavailable"] is { } v ? v.ToString() : "N/A"),
            new("Allowed Disruptions", "integer", 0, o => Int(o["status"]?["disruptionsAllowed"])),
            b.Age(),
        ],
        "roles.rbac.authorization.k8s.io" or "clusterroles.rbac.authorization.k8s.io" => RbacColumns.Roles(),
        "rolebindings.rbac.authorization.k8s.io" or "clusterrolebindings.rbac.authorization.k8s.io" => RbacColumns.Bindings(b),
        "namespaces" => [new("Status", "string", 0, o => o["status"]?["phase"]?.DeepClone()), b.Age()],
        "configmaps" => [new("Data", "integer", 0, o => Count(o["data"]) + Count(o["binaryData"])), b.Age()],
        "secrets" => [new("Type", "string", 0, o => o["type"]?.DeepClone()), new("Data", "integer", 0, o => Count(o["data"])), b.Age()],
        "serviceaccounts" => [new("Secrets", "integer", 0, o => (o["secrets"] as JsonArray)?.Count ?? 0), b.Age()],
        "endpoints" => [new("Endpoints", "string", 0, Endpoints), b.Age()],
        "leases.coordination.k8s.io" => [new("Holder", "string", 0, o => o["spec"]?["holderIdentity"]?.DeepClone() ?? ""), b.Age()],
        "events" =>
        [
            new("Last Seen", "string", 0, o => EventLastSeen(o, b)),
            new("Type", "string", 0, o => o["type"]?.DeepClone()),
            new("Reason", "string", 0, o => o["reason"]?.DeepClone()),
            new("Object", "string", 0, o => $"{o["involvedObject"]?["kind"]?.GetValue<string>()?.ToLowerInvariant()}/{o["involvedObject"]?["name"]}"),
            new("Message", "string", 0, o => o["message"]?.DeepClone()),
        ],
        "endpointslices.discovery.k8s.io" =>
        [
            new("AddressType", "string", 0, o => o["addressType"]?.DeepClone()),
            new("Ports", "string", 0, o => o["ports"] is JsonArray p && p.Count > 0 ? string.Join(",", p.Select(x => x?["port"]?.ToJsonString())) : "<unset>"),
            new("Endpoints", "string", 0, o => string.Join(",", (o["endpoints"] as JsonArray ?? []).SelectMany(e => e?["addresses"] as JsonArray ?? []).Select(a => a?.GetValue<string>()))),
            b.Age(),
        ],
        "customresourcedefinitions.apiextensions.k8s.io" =>
        [
            new("Created At", "date", 0, o => o["metadata"]?["creationTimestamp"]?.DeepClone()),
        ],
        "apiservices.apiregistration.k8s.io" =>
        [
            new("Service", "string", 0, o => o["spec"]?["service"] is JsonObject s ? $"{s["namespace"]}/{s["name"]}" : "Local"),
            new("Available", "string", 0, ApiServiceAvailable),
            b.Age(),
        ],
        _ => [b.Age()],
    };

    internal static long Int(JsonNode? node) => node is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0;

    // printEvent: "5s (x4 over 2m)" once the Event was recorded more than once.
    private static JsonNode? EventLastSeen(JsonObject o, TableBuilder b)
    {
        var last = b.Since(o["lastTimestamp"] ?? o["eventTime"] ?? o["metadata"]?["creationTimestamp"]);
        var count = Int(o["count"]);
        return count > 1
            ? string.Create(CultureInfo.InvariantCulture, $"{last} (x{count} over {b.Since(o["firstTimestamp"] ?? o["eventTime"])})")
            : last;
    }

    private static JsonNode Or(JsonNode? node, string fallback) => node?.DeepClone() ?? fallback;

    private static int Count(JsonNode? node) => (node as JsonObject)?.Count ?? 0;

    private static IEnumerable<JsonObject> Containers(JsonObject pod, string field) =>
        (pod["status"]?[field] as JsonArray ?? []).OfType<JsonObject>();

    private static IEnumerable<TableColumn> WorkloadWide(bool selector)
    {
        yield return new("Containers", "string", 1, o => string.Join(",", PodTemplateContainers(o).Select(c => c["name"]?.GetValue<string>())));
        yield return new("Images", "string", 1, o => string.Join(",", PodTemplateContainers(o).Select(c => c["image"]?.GetValue<string>())));
        if (selector)
        {
            yield return new("Selector", "string", 1, o => LabelSelector.Format(o["spec"]?["selector"] as JsonObject) is { Length: > 0 } s ? s : "<none>");
        }
    }

    private static IEnumerable<TableColumn> CronJobWide()
    {
        static IEnumerable<JsonObject> Containers(JsonObject o) =>
            (o["spec"]?["jobTemplate"]?["spec"]?["template"]?["spec"]?["containers"] as JsonArray ?? []).OfType<JsonObject>();
        yield return new("Containers", "string", 1, o => string.Join(",", Containers(o).Select(c => c["name"]?.GetValue<string>())));
        yield return new("Images", "string", 1, o => string.Join(",", Containers(o).Select(c => c["image"]?.GetValue<string>())));
        yield return new("Selector", "string", 1, o =>
            LabelSelector.Format(o["spec"]?["jobTemplate"]?["spec"]?["selector"] as JsonObject) is { Length: > 0 } s ? s : "<none>");
    }

    private static IEnumerable<JsonObject> PodTemplateContainers(JsonObject o) =>
        (o["spec"]?["template"]?["spec"]?["containers"] as JsonArray ?? []).OfType<JsonObject>();

    private static JsonNode PodReady(JsonObject pod)
    {
        var total = (pod["spec"]?["containers"] as JsonArray)?.Count ?? 0;
        var ready = Containers(pod, "containerStatuses").Count(c => c["ready"]?.GetValue<bool>() == true);
        return $"{ready}/{total}";
    }

    private static JsonNode? PodStatus(JsonObject pod)
    {
        if (pod["metadata"]?["deletionTimestamp"] is not null)
        {
            return "Terminating";
        }

        var reason = pod["status"]?["reason"]?.GetValue<string>() ?? pod["status"]?["phase"]?.GetValue<string>() ?? "Unknown";
        foreach (var container in Containers(pod, "containerStatuses"))
        {
            if (container["state"]?["waiting"]?["reason"]?.GetValue<string>() is { Length: > 0 } waiting)
            {
                reason = waiting;
            }
            else if (container["state"]?["terminated"]?["reason"]?.GetValue<string>() is { Length: > 0 } terminated)
            {
                reason = terminated;
            }
        }

        return reason;
    }

    private static JsonNode JobStatus(JsonObject job)
    {
        var conditions = (job["status"]?["conditions"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(c => c["status"]?.GetValue<string>() == "True").Select(c => c["type"]?.GetValue<string>()).ToHashSet();
        return conditions.Contains("Failed") ? "Failed"
            : conditions.Contains("Complete") ? "Complete"
            : conditions.Contains("Suspended") ? "Suspended"
            : conditions.Contains("FailureTarget") ? "FailureTarget"
            : conditions.Contains("SuccessCriteriaMet") ? "SuccessCriteriaMet"
            : "Running";
    }

    private static JsonNode ServicePorts(JsonObject service)
    {
        var ports = (service["spec"]?["ports"] as JsonArray ?? []).OfType<JsonObject>().Select(p =>
            p["nodePort"] is null ? $"{p["port"]}/{p["protocol"] ?? "TCP"}" : $"{p["port"]}:{p["nodePort"]}/{p["protocol"] ?? "TCP"}").ToList();
        return ports.Count == 0 ? "<none>" : string.Join(",", ports);
    }

    private static JsonNode Endpoints(JsonObject endpoints)
    {
        var list = (endpoints["subsets"] as JsonArray ?? []).OfType<JsonObject>().SelectMany(s =>
            (s["addresses"] as JsonArray ?? []).SelectMany(a => (s["ports"] as JsonArray ?? [new JsonObject()]).Select(p =>
                p?["port"] is null ? $"{a?["ip"]}" : $"{a?["ip"]}:{p["port"]}"))).ToList();
        return list.Count == 0 ? "<none>" : string.Join(",", list.Take(3)) + (list.Count > 3 ? $" + {list.Count - 3} more..." : "");
    }

    private static JsonNode ApiServiceAvailable(JsonObject apiService)
    {
        var condition = (apiService["status"]?["conditions"] as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(c => c["type"]?.GetValue<string>() == "Available");
        if (condition is null)
        {
            return "Unknown";
        }

        var status = condition["status"]?.GetValue<string>() ?? "Unknown";
        return status == "True" ? "True" : $"{status} ({condition["reason"]})";
    }
}
