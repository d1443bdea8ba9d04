using System.Text.Json.Nodes;
using EmbeddedKubernetes.Crds;
using EmbeddedKubernetes.Resources;
using Kubernetes.Controller.Selectors;

namespace EmbeddedKubernetes.Api;

/// <summary>Required fields and invariants kube-apiserver enforces for the built-ins clients of this server use.</summary>
internal static class BuiltInValidation
{
    public static void Validate(ResourceType type, JsonObject node, JsonObject? old, List<FieldError> errors)
    {
        var spec = node["spec"] as JsonObject;
        switch (type.GroupResource)
        {
            case "pods":
                PodSpec(spec, "spec", errors);
                break;
            case "deployments.apps" or "replicasets.apps" or "statefulsets.apps":
                Workload(spec, old, errors);
                break;
            case "jobs.batch":
                PodSpec(spec?["template"]?["spec"] as JsonObject, "spec.template.spec", errors);
                var restart = spec?["template"]?["spec"]?["restartPolicy"]?.GetValue<string>() ?? "Always";
                if (restart is not ("OnFailure" or "Never"))
                {
                    errors.Add(FieldError.NotSupported("spec.template.spec.restartPolicy", restart, ["OnFailure", "Never"]));
                }

                break;
            case "services":
                Service(spec, old, errors);
                break;
            case "horizontalpodautoscalers.autoscaling":
                Hpa(spec, errors);
                break;
            case "customresourcedefinitions.apiextensions.k8s.io":
                CrdDefaults.Validate(node, old, errors);
                break;
            case "apiservices.apiregistration.k8s.io":
                var name = node["metadata"]?["name"]?.GetValue<string>();
                var expected = $"{spec?["version"]?.GetValue<string>()}.{spec?["group"]?.GetValue<string>()}";
                if (name != expected)
                {
                    errors.Add(FieldError.InvalidValue("metadata.name", name ?? "", $"must be <version>.<group> (\"{expected}\")"));
                }

                break;
            case "endpointslices.discovery.k8s.io":
                if (node["addressType"] is null)
                {
                    errors.Add(FieldError.Required("addressType"));
                }

                break;
        }
    }

    private static void PodSpec(JsonObject? spec, string path, List<FieldError> errors)
    {
        if (spec?["containers"] is not JsonArray containers || containers.Count == 0)
        {
            errors.Add(FieldError.Required($"{path}.containers"));
            return;
        }

        for (var i = 0; i < containers.Count; i++)
        {
            var container = containers[i] as JsonObject;
            if (string.IsNullOrEmpty(container?["name"]?.GetValue<string>()))
            {
                errors.Add(FieldError.Required($"{path}.containers[{i}].name"));
            }

            if (string.IsNullOrEmpty(container?["image"]?.GetValue<string>()))
            {
                errors.Add(FieldError.Required($"{path}.containers[{i}].image"));
            }
        }
    }

    private static void Workload(JsonObject? spec, JsonObject? old, List<FieldError> errors)
    {
        var selector = spec?["selector"] as JsonObject;
        if (selector is null || (selector["matchLabels"] is null && selector["matchExpressions"] is null))
        {
            errors.Add(FieldError.Required("spec.selector"));
        }
        else
        {
            var labels = (spec?["template"]?["metadata"]?["labels"] as JsonObject)?
                .ToDictionary(kv => kv.Key, kv => kv.Value?.GetValue<string>() ?? "", StringComparer.Ordinal) ?? [];
            var parsed = LabelSelector.TryParse(LabelSelector.Format(selector), out _);
            if (parsed is not null && !parsed.Matches(labels))
            {
                errors.Add(FieldError.InvalidValue("spec.template.metadata.labels", string.Join(",", labels.Select(kv => $"{kv.Key}={kv.Value}")), "`selector` does not match template `labels`"));
            }

            if (old?["spec"]?["selector"] is JsonNode oldSelector && !JsonNode.DeepEquals(oldSelector, selector))
            {
                errors.Add(FieldError.Immutable("spec.selector"));
            }
        }

        if (spec?["replicas"] is JsonValue replicas && replicas.TryGetValue<long>(out var count) && count < 0)
        {
            errors.Add(FieldError.InvalidValue("spec.replicas", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be greater than or equal to 0"));
        }

        PodSpec(spec?["template"]?["spec"] as JsonObject, "spec.template.spec", errors);
    }

    private static void Service(JsonObject? spec, JsonObject? old, List<FieldError> errors)
    {
        var type = spec?["type"]?.GetValue<string>() ?? "ClusterIP";
        var headless = spec?["clusterIP"]?.GetValue<string>() == "None";
        var ports = spec?["ports"] as JsonArray;
        if (type != "ExternalName" && !headless && (ports is null || ports.Count == 0))
        {
            errors.Add(FieldError.Required("spec.ports"));
        }

        for (var i = 0; i < (ports?.Count ?? 0); i++)
        {
            var port = ports![i]?["port"];
            if (port is not JsonValue value || !value.TryGetValue<long>(out var number) || number is < 1 or > 65535)
            {
                errors.Add(FieldError.Required($"spec.ports[{i}].port"));
            }
        }

        if (old?["spec"]?["clusterIP"] is JsonNode oldIp && spec?["clusterIP"] is JsonNode newIp && !JsonNode.DeepEquals(oldIp, newIp))
        {
            errors.Add(FieldError.Immutable("spec.clusterIP"));
        }
    }

    private static void Hpa(JsonObject? spec, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(spec?["scaleTargetRef"]?["kind"]?.GetValue<string>()))
        {
            errors.Add(FieldError.Required("spec.scaleTargetRef.kind"));
        }

        if (string.IsNullOrEmpty(spec?["scaleTargetRef"]?["name"]?.GetValue<string>()))
        {
            errors.Add(FieldError.Required("spec.scaleTargetRef.name"));
        }

        var max = spec?["maxReplicas"] is JsonValue m && m.TryGetValue<long>(out var mv) ? mv : 0;
        var min = spec?["minReplicas"] is JsonValue n && n.TryGetValue<long>(out var nv) ? nv : 1;
        if (max < 1)
        {
            errors.Add(FieldError.InvalidValue("spec.maxReplicas", max.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be greater than or equal to 1"));
        }
        else if (min > max)
        {
            errors.Add(FieldError.InvalidValue("spec.minReplicas", min.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be less than or equal to maxReplicas"));
        }
    }
}
