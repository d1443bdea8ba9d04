using System.Text;
using Microsoft.Extensions.Configuration;

namespace AppHost.Connections;

/// <summary>
/// <c>.apphost/environment.env</c> (KEY=VALUE) and <c>.apphost/kubeconfig</c>: what a second terminal needs to reach
/// the running environment. Written once the cluster is healthy, removed when the AppHost stops.
/// </summary>
internal sealed class EnvironmentFiles(string stateDirectory)
{
    public string EnvironmentPath { get; } = Path.Combine(stateDirectory, "environment.env");

    public string KubeconfigPath { get; } = Path.Combine(stateDirectory, "kubeconfig");

    /// <summary>The dashboard's login URL (browser token included).</summary>
    public static string? DashboardLoginUrl(string? frontend, IConfiguration configuration)
    {
        if (frontend is null)
        {
            return null;
        }

        var token = configuration["AppHost:BrowserToken"];
        return string.IsNullOrEmpty(token) ? frontend : $"{frontend.TrimEnd('/')}/login?t={token}";
    }

    public async Task WriteAsync(IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(EnvironmentPath)!);
        var text = new StringBuilder();
        foreach (var (key, value) in values.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append('=').Append(value).Append('\n');
        }

        await File.WriteAllTextAsync(EnvironmentPath, text.ToString(), cancellationToken);
    }

    public void Remove()
    {
        File.Delete(EnvironmentPath);
        File.Delete(KubeconfigPath);
    }
}
