using System.Text;
using k8s.Models;
using Operator.Api;
using Operator.Manifests;
using Operator.Scalers;
using Operator.Validation;

namespace Operator.Resolution;

/// <summary>
/// Resolves a trigger's <c>authenticationRef</c> against the input, as KEDA's <c>ResolveAuthRefAndPodIdentity</c>
/// does against the cluster. Where KEDA only logs a missing object and carries on with an empty parameter, this
/// reports an error, since the scaler would then fail or run unauthenticated.
/// </summary>
internal sealed class TriggerAuthResolver(IObjectsAtHand set, string clusterObjectNamespace)
{
    private bool _unchecked;

    public AuthResolution Resolve(AuthenticationRef? authRef, V1PodSpec? podSpec, string ns)
    {
        if (authRef is null || string.IsNullOrEmpty(authRef.Name))
        {
            return AuthResolution.None;
        }

        _unchecked = false;
        var errors = new List<string>();
        var warnings = new List<string>();
        var sensitive = new HashSet<string>(StringComparer.Ordinal);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var kind = string.IsNullOrEmpty(authRef.Kind) ? ManifestKinds.TriggerAuthentication : authRef.Kind;
        TriggerAuthenticationSpec? auth;
        string triggerNamespace;
        switch (kind)
        {
            case ManifestKinds.TriggerAuthentication:
                auth = set.FindTriggerAuthentication(ns, authRef.Name);
                triggerNamespace = ns;
                if (auth is null)
                {
                    Absent("error getting triggerAuth: ", "triggerauthentications.keda.sh", authRef.Name, ns, errors, warnings);
                }

                break;
            case ManifestKinds.ClusterTriggerAuthentication:
                auth = set.FindClusterTriggerAuthentication(authRef.Name);
                triggerNamespace = clusterObjectNamespace;
                if (auth is null)
                {
                    Absent("error getting triggerAuth: ", "clustertriggerauthentications.keda.sh", authRef.Name, null, errors, warnings);
                }

                break;
            default:
                return AuthResolution.None with { Errors = [$"unknown trigger auth kind {authRef.Kind}"] };
        }

        if (auth is null)
        {
            return AuthResolution.None with { Errors = errors, Warnings = warnings, HasUncheckedReferences = _unchecked };
        }

        var spec = auth;

        // The admission webhook would already have rejected an invalid (Cluster)TriggerAuthentication.
        errors.AddRange(TriggerAuthenticationValidator.Validate(spec).Errors.Select(e => $"{kind} {authRef.Name}: {e}"));
        foreach (var env in spec.Env ?? [])
        {
            result[env.Parameter] = ResolveEnvParameter(env, podSpec, ns, warnings, sensitive);
        }

        foreach (var target in spec.ConfigMapTargetRef ?? [])
        {
            result[target.Parameter] = ResolveConfigMapParameter(target, triggerNamespace, errors, warnings);
        }

        foreach (var target in spec.SecretTargetRef ?? [])
        {
            var value = ResolveSecretParameter(target, triggerNamespace, errors, warnings);
            result[target.Parameter] = value;
            sensitive.Add(value);
        }

        foreach (var other in UnresolvableSources(spec))
        {
            warnings.Add($"{kind} {authRef.Name}: {other} is not resolved offline; its parameters are left out");
        }

        var podIdentity = ToPodIdentity(spec.PodIdentity);
        CheckPodIdentity(spec.PodIdentity, result, errors, warnings);
        return new AuthResolution(result, podIdentity, errors, warnings, sensitive) { HasUncheckedReferences = _unchecked };
    }

    private string ResolveEnvParameter(
        AuthEnvironment env, V1PodSpec? podSpec, string ns, List<string> warnings, HashSet<string> sensitive)
    {
        if (podSpec is null)
        {
            warnings.Add($"parameter {env.Parameter}: env {env.Name} cannot be resolved without the scale target's pod spec");
            return "";
        }

        var resolved = ContainerEnvResolver.Resolve(set, podSpec, env.ContainerName, ns);
        if (resolved.Error is not null)
        {
            warnings.Add($"parameter {env.Parameter}: {resolved.Error}");
            return "";
        }

        sensitive.UnionWith(resolved.SensitiveValues);
        if (!resolved.Env.TryGetValue(env.Name, out var value))
        {
            warnings.Add($"parameter {env.Parameter}: the container has no env {env.Name}; the parameter is empty");
            return "";
        }

        return value;
    }

    private string ResolveConfigMapParameter(AuthTargetRef target, string ns, List<string> errors, List<string> warnings)
    {
        var configMap = set.FindConfigMap(ns, target.Name);
        if (configMap is null)
        {
            Absent("error trying to get config map from namespace: ", "configmaps", target.Name, ns, errors, warnings);
            return "";
        }

        if (configMap.Data is not null && configMap.Data.TryGetValue(target.Key, out var value))
        {
            return value;
        }

        warnings.Add($"parameter {target.Parameter}: config map {target.Name} has no key {target.Key}; the parameter is empty");
        return "";
    }

    private string ResolveSecretParameter(AuthTargetRef target, string ns, List<string> errors, List<string> warnings)
    {
        if (string.IsNullOrEmpty(target.Name) || string.IsNullOrEmpty(target.Key))
        {
            errors.Add($"error trying to get secret for parameter {target.Parameter}: name, namespace and key are required");
            return "";
        }

        var secret = set.FindSecret(ns, target.Name);
        if (secret is null)
        {
            Absent("error trying to get secret from namespace: ", "secrets", target.Name, ns, errors, warnings);
            return "";
        }

        if (secret.Data is not null && secret.Data.TryGetValue(target.Key, out var bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        warnings.Add($"parameter {target.Parameter}: secret {target.Name} has no key {target.Key}; the parameter is empty");
        return "";
    }

    private void Absent(string kedaPrefix, string resource, string name, string? ns, List<string> errors, List<string> warnings)
    {
        var (error, warning) = ResolutionMessages.Absent(set, kedaPrefix, resource, name, ns);
        if (error is not null)
        {
            errors.Add(error);
        }

        if (warning is not null)
        {
            warnings.Add(warning);
            _unchecked = true;
        }
    }

    private static IEnumerable<string> UnresolvableSources(TriggerAuthenticationSpec spec)
    {
        if (spec.HashiCorpVault is not null)
        {
            yield return "hashiCorpVault";
        }

        if (spec.AzureKeyVault is not null)
        {
            yield return "azureKeyVault";
        }

        if (spec.GcpSecretManager is not null)
        {
            yield return "gcpSecretManager";
        }

        if (spec.AwsSecretManager is not null)
        {
            yield return "awsSecretManager";
        }

        if (spec.BoundServiceAccountToken is { Count: > 0 })
        {
            yield return "boundServiceAccountToken";
        }
    }

    private static PodIdentity ToPodIdentity(AuthPodIdentity? spec) =>
        spec is null
            ? PodIdentity.None
            : new PodIdentity(spec.Provider, spec.IdentityId, spec.IdentityTenantId, spec.IdentityAuthorityHost, spec.RoleArn, spec.IdentityOwner);

    private static void CheckPodIdentity(
        AuthPodIdentity? spec, Dictionary<string, string> authParams, List<string> errors, List<string> warnings)
    {
        switch (spec?.Provider)
        {
            case "aws":
                var workloadOwner = spec.IdentityOwner == "workload";
                if (spec.RoleArn is not null)
                {
                    if (workloadOwner)
                    {
                        errors.Add($"roleArn can't be set if KEDA isn't identity owner, current value: '{spec.IdentityOwner}'");
                        return;
                    }

                    authParams["awsRoleArn"] = spec.RoleArn;
                }

                if (workloadOwner)
                {
                    warnings.Add("podIdentity aws with identityOwner workload reads the role from the workload's ServiceAccount annotation, which is not checked offline");
                }

                break;
            case "aws-eks":
                warnings.Add("podIdentity aws-eks is deprecated in KEDA and reads the role from the ServiceAccount annotation, which is not checked offline");
                break;
            case "azure-workload" when spec.IdentityId is "":
                errors.Add("IdentityID of PodIdentity should not be empty");
                break;
        }
    }
}
