using Operator.Api;

namespace Operator.Validation;

/// <summary>KEDA's (Cluster)TriggerAuthentication admission webhook (<c>validateSpec</c>).</summary>
public static class TriggerAuthenticationValidator
{
    public static ValidationResult Validate(TriggerAuthenticationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return ValidationResult.FromError(ValidateSpec(spec));
    }

    /// <summary>Update: skipped when the last finalizer is removed and the spec is unchanged.</summary>
    public static ValidationResult ValidateUpdate(
        TriggerAuthenticationSpec spec, IList<string>? finalizers, TriggerAuthenticationSpec oldSpec, IList<string>? oldFinalizers)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(oldSpec);
        var removingFinalizer = (finalizers?.Count ?? 0) == 0 && oldFinalizers?.Count == 1
            && KedaJson.Serialize(spec) == KedaJson.Serialize(oldSpec);
        return removingFinalizer ? ValidationResult.Valid : Validate(spec);
    }

    private static string? ValidateSpec(TriggerAuthenticationSpec spec)
    {
        if (spec.PodIdentity is { } identity)
        {
            switch (identity.Provider)
            {
                case "azure-workload":
                    if (identity.IdentityId is "")
                    {
                        return "identityId of PodIdentity should not be empty. If it's set, identityId has to be different than \"\"";
                    }

                    if (!string.IsNullOrEmpty(identity.IdentityAuthorityHost))
                    {
                        if (string.IsNullOrEmpty(identity.IdentityTenantId))
                        {
                            return "identityTenantID of PodIdentity should not be nil or empty when identityAuthorityHost of PodIdentity is set";
                        }
                    }
                    else if (identity.IdentityTenantId is "")
                    {
                        return "identityTenantId of PodIdentity should not be empty. If it's set, identityTenantId has to be different than \"\"";
                    }

                    break;
                case "aws":
                    if (!string.IsNullOrEmpty(identity.RoleArn) && identity.IdentityOwner == "workload")
                    {
                        return "roleArn of PodIdentity can't be set if KEDA isn't identityOwner";
                    }

                    if (!string.IsNullOrEmpty(identity.ExternalId) && string.IsNullOrEmpty(identity.RoleArn))
                    {
                        return "externalID of PodIdentity requires roleArn to be set";
                    }

                    break;
                default:
                    // KEDA returns early for other providers, so their oauth2 block is not checked.
                    return null;
            }
        }

        return spec.OAuth2 is { } oauth2 ? ValidateOAuth2(oauth2) : null;
    }

    private static string? ValidateOAuth2(System.Text.Json.Nodes.JsonObject oauth2)
    {
        var type = Text(oauth2, "type");
        if (type != "clientCredentials")
        {
            return $"oauth2.type must be 'clientCredentials', got '{type}'";
        }

        if (string.IsNullOrEmpty(Text(oauth2, "clientId")))
        {
            return "oauth2.clientId is required when oauth2 is configured";
        }

        var tokenUrl = Text(oauth2, "tokenUrl");
        if (string.IsNullOrEmpty(tokenUrl))
        {
            return "oauth2.tokenUrl is required when oauth2 is configured";
        }

        return Uri.TryCreate(tokenUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
            ? null
            : "oauth2.tokenUrl must be a valid http or https URL";
    }

    private static string Text(System.Text.Json.Nodes.JsonObject json, string key) =>
        json[key] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}
