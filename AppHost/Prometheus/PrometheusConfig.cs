using System.Text;

namespace AppHost.Prometheus;

/// <summary>The prometheus.yml the local Prometheus runs with: a short scrape interval so scaling reacts quickly.</summary>
internal static class PrometheusConfig
{
    /// <summary>Writes <c>prometheus.yml</c> into <paramref name="directory"/> and returns its path.</summary>
    public static string Write(string directory, IEnumerable<string> scrapeTargets)
    {
        Directory.CreateDirectory(directory);
        var config = Path.Combine(directory, "prometheus.yml");
        File.WriteAllText(config, Render(scrapeTargets));
        return config;
    }

    public static string Render(IEnumerable<string> scrapeTargets)
    {
        var text = new StringBuilder();
        text.AppendLine("global:");
        text.AppendLine("  scrape_interval: 5s");
        text.AppendLine("  evaluation_interval: 5s");
        text.AppendLine("scrape_configs:");
        text.AppendLine("  - job_name: local");
        text.AppendLine("    static_configs:");
        var targets = scrapeTargets.Select(target => $"'{target}'").ToList();
        text.AppendLine($"      - targets: [{string.Join(", ", targets)}]");

        return text.ToString();
    }
}
