using System.Text;
using k8s.Models;

namespace EmbeddedKubernetes.Controllers.Pods;

/// <summary>
/// What the kubelet does with <c>envFrom</c> and <c>env[].valueFrom.secretKeyRef/configMapKeyRef</c> before it starts
/// a container: every reference becomes a plain value (envFrom first, then env in order, later names win). A missing
/// Secret/ConfigMap or key fails the start (CreateContainerConfigError) unless the reference is optional.
/// </summary>
internal static class ContainerEnvironment
{
    public const string ConfigError = "CreateContainerConfigError";

    /// <summary>Reads a Secret's or ConfigMap's data (kind "Secret" or "ConfigMap"); null when it does not exist.</summary>
    public delegate Task<IReadOnlyDictionary<string, string>?> Lookup(string kind, string ns, string name, CancellationToken cancellationToken);

    public static bool NeedsResolving(V1Pod pod) =>
        pod.Spec.Containers.Any(c => c.EnvFrom is { Count: > 0 }
            || c.Env?.Any(e => e.ValueFrom?.SecretKeyRef is not null || e.ValueFrom?.ConfigMapKeyRef is not null) == true);

    /// <summary>A copy of the pod whose containers carry only plain and fieldRef values; or the kubelet's error message.</summary>
    public static async Task<(V1Pod? Pod, string? Error)> ResolveAsync(V1Pod pod, Lookup lookup, CancellationToken cancellationToken)
    {
        var ns = pod.Metadata.NamespaceProperty ?? "default";
        var cache = new Dictionary<(string, string), IReadOnlyDictionary<string, string>?>();
        async Task<IReadOnlyDictionary<string, string>?> Read(string kind, string name)
        {
            if (!cache.TryGetValue((kind, name), out var data))
            {
                data = await lookup(kind, ns, name, cancellationToken).ConfigureAwait(false);
                cache[(kind, name)] = data;
            }

            return data;
        }

        var resolved = KubeObjects.Clone(pod);
        foreach (var container in resolved.Spec.Containers)
        {
            var env = new List<V1EnvVar>();
            foreach (var source in container.EnvFrom ?? [])
            {
                var (kind, name, optional) = source.SecretRef is { } secret
                    ? ("Secret", secret.Name, secret.Optional == true)
                    : ("ConfigMap", source.ConfigMapRef?.Name ?? "", source.ConfigMapRef?.Optional == true);
                var data = await Read(kind, name).ConfigureAwait(false);
                if (data is null)
                {
                    if (optional)
                    {
                        continue;
                    }

                    return (null, $"{kind.ToLowerInvariant()} \"{name}\" not found");
                }

                // The kubelet skips keys that are not valid variable names (it records an event); '=' can never be one.
                env.AddRange(data.Where(kv => kv.Key.Length > 0 && !kv.Key.Contains('=', StringComparison.Ordinal))
                    .Select(kv => new V1EnvVar { Name = source.Prefix + kv.Key, Value = kv.Value }));
            }

            foreach (var variable in container.Env ?? [])
            {
                var (kind, name, key, optional) = variable.ValueFrom switch
                {
                    { SecretKeyRef: { } s } => ("Secret", s.Name, s.Key, s.Optional == true),
                    { ConfigMapKeyRef: { } c } => ("ConfigMap", c.Name, c.Key, c.Optional == true),
                    _ => ((string?)null, "", "", false),
                };
                if (kind is null)
                {
                    env.Add(variable);
                    continue;
                }

                var data = await Read(kind, name).ConfigureAwait(false);
                if (data is null)
                {
                    if (optional)
                    {
                        continue;
                    }

                    return (null, $"{kind.ToLowerInvariant()} \"{name}\" not found");
                }

                if (!data.TryGetValue(key, out var value))
                {
                    if (optional)
                    {
                        continue;
                    }

                    return (null, $"couldn't find key {key} in {kind} {ns}/{name}");
                }

                env.Add(new V1EnvVar { Name = variable.Name, Value = value });
            }

            container.EnvFrom = null;
            container.Env = env.Count == 0 ? null : env;
        }

        return (resolved, null);
    }

    /// <summary>Secret data arrives decoded from base64; values are UTF-8 text (stringData is merged by the API server).</summary>
    public static IReadOnlyDictionary<string, string> SecretData(V1Secret secret) =>
        (secret.Data ?? new Dictionary<string, byte[]>()).ToDictionary(kv => kv.Key, kv => Encoding.UTF8.GetString(kv.Value), StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, string> ConfigMapData(V1ConfigMap map) =>
        new Dictionary<string, string>(map.Data ?? new Dictionary<string, string>(), StringComparer.Ordinal);
}
