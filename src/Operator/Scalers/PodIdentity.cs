namespace Operator.Scalers;

/// <summary>The <c>podIdentity</c> block of a TriggerAuthentication, as a scaler sees it.</summary>
public sealed record PodIdentity(
    string Provider,
    string? IdentityId = null,
    string? IdentityTenantId = null,
    string? IdentityAuthorityHost = null,
    string? RoleArn = null,
    string? IdentityOwner = null)
{
    /// <summary>No pod identity (<c>provider: none</c> or absent).</summary>
    public static readonly PodIdentity None = new("none");

    public bool IsNone => Provider is "" or "none";
}
