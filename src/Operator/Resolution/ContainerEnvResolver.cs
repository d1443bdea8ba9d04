using System.Text;
using k8s.Models;
using Operator.Manifests;

namespace Operator.Resolution;

/// <summary>
/// Resolves a container's environment as KEDA's <c>resolver.ResolveContainerEnv</c> does: <c>envFrom</c>
/// ConfigMaps/Secrets (with prefix), then <c>env</c> values (with <c>$(VAR)</c> expansion) and
/// <c>valueFrom</c> secretKeyRef/configMapKeyRef; fieldRef/resourceFieldRef are skipped.
/// </summary>
internal static class ContainerEnvResolver
{
    /// <summary>Resolves the env of <paramref name="containerName"/> (or the first container).</summary>
    public static EnvResolution Resolve(IObjectsAtHand set, V1PodSpec podSpec, string? containerName, string ns)
    {
        var containers = podSpec.Containers ?? [];
        if (containers.Count == 0)
        {
            return EnvResolution.Failure("target object doesn't have containers");
        }

        var container = string.IsNullOrEmpty(containerName)
            ? containers[0]
            : containers.FirstOrDefault(c => c.Name == containerName);
        return container is null
            ? EnvResolution.Failure($"couldn't find container with name {containerName} on Target object")
            : ResolveContainer(set, container, ns);
    }

    private static EnvResolution ResolveContainer(IObjectsAtHand set, V1Container container, string ns)
    {
        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        var sensitive = new HashSet<string>(StringComparer.Ordinal);
        var warnings = new List<string>();
        // In a partial view an absent object was not given rather than missing: resolve it as empty and say so.
        bool NotChecked(string resource, string name)
        {
            if (set.AbsentMeansMissing)
            {
                return false;
            }

            warnings.Add(ResolutionMessages.NotInInput(resource, name, ns));
            return true;
        }

        foreach (var source in container.EnvFrom ?? [])
        {
            var prefix = source.Prefix ?? "";
            if (source.ConfigMapRef is { } cmRef)
            {
                var configMap = set.FindConfigMap(ns, cmRef.Name);
                if (configMap is null)
                {
                    if (cmRef.Optional == true || NotChecked("configmaps", cmRef.Name))
                    {
                        continue;
                    }

                    return EnvResolution.Failure($"error reading config ref {cmRef.Name} on namespace {ns}/: {ResolutionMessages.NotFound("configmaps", cmRef.Name)}");
                }

                foreach (var (key, value) in configMap.Data ?? new Dictionary<string, string>())
                {
                    resolved[prefix + key] = value;
                }
            }
            else if (source.SecretRef is { } secretRef)
            {
                var secret = set.FindSecret(ns, secretRef.Name);
                if (secret is null)
                {
                    if (secretRef.Optional == true || NotChecked("secrets", secretRef.Name))
                    {
                        continue;
                    }

                    return EnvResolution.Failure($"error reading secret ref {secretRef.Name} on namespace {ns}: {ResolutionMessages.NotFound("secrets", secretRef.Name)}");
                }

                foreach (var (key, value) in secret.Data ?? new Dictionary<string, byte[]>())
                {
                    var text = Encoding.UTF8.GetString(value);
                    resolved[prefix + key] = text;
                    sensitive.Add(text);
                }
            }
        }

        foreach (var env in container.Env ?? [])
        {
            if (!string.IsNullOrEmpty(env.Value))
            {
                resolved[env.Name] = EnvValueExpander.Expand(env.Value, resolved);
                continue;
            }

            if (env.ValueFrom?.SecretKeyRef is { } secretKey)
            {
                var secret = set.FindSecret(ns, secretKey.Name);
                if (secret is null)
                {
                    if (secretKey.Optional == true || NotChecked("secrets", secretKey.Name))
                    {
                        continue;
                    }

                    return EnvResolution.Failure($"error resolving secret name {secretKey.Name} for env {env.Name} in namespace {ns}: {ResolutionMessages.NotFound("secrets", secretKey.Name)}");
                }

                // KEDA reads a missing key as an empty value.
                var text = secret.Data is not null && secret.Data.TryGetValue(secretKey.Key, out var bytes) ? Encoding.UTF8.GetString(bytes) : "";
                resolved[env.Name] = text;
                sensitive.Add(text);
            }
            else if (env.ValueFrom?.ConfigMapKeyRef is { } configKey)
            {
                var configMap = set.FindConfigMap(ns, configKey.Name);
                if (configMap is null)
                {
                    if (configKey.Optional == true || NotChecked("configmaps", configKey.Name))
                    {
                        continue;
                    }

                    return EnvResolution.Failure($"error resolving config {configKey.Name} for env {env.Name} in namespace {ns}: {ResolutionMessages.NotFound("configmaps", configKey.Name)}");
                }

                resolved[env.Name] = configMap.Data is not null && configMap.Data.TryGetValue(configKey.Key, out var value) ? value : "";
            }
            else if (env.ValueFrom is null)
            {
                resolved[env.Name] = "";
            }
        }

        return new EnvResolution(resolved, null, sensitive) { Warnings = warnings };
    }
}
