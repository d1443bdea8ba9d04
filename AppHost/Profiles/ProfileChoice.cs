namespace AppHost.Profiles;

/// <summary>The chosen profile and the reason, or an error for a bad <c>--profile</c>.</summary>
internal sealed record ProfileChoice(string Profile, string Why, string? Error);
