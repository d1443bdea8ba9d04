namespace Integration.AppHost;

/// <summary>The AppHost's embedded profile (see <see cref="AppHostEnvironment"/>): runs everywhere.</summary>
public sealed class EmbeddedEnvironment() : AppHostEnvironment("embedded", TimeSpan.FromMinutes(3));
