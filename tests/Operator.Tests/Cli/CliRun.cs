using System.Text.Json;
using Operator.Api;
using Operator.Cli;

namespace Operator.Tests.Cli;

/// <summary>Runs the real CLI entry point in-process and captures what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await OperatorCli.RunAsync(args, stdout, stderr);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs <c>validate --output json</c> on files written from <paramref name="yaml"/>.</summary>
    public static async Task<CliRun> ValidateYamlAsync(string yaml)
    {
        var file = Path.Combine(Path.GetTempPath(), $"validate-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, yaml);
        try
        {
            return await RunAsync("validate", "--output", "json", file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public IReadOnlyList<ScalableObjectReport> Reports =>
        JsonSerializer.Deserialize<List<JsonElement>>(Stdout)!.Select(ToReport).ToList();

    public ScalableObjectReport Report(string name) => Reports.Single(r => r.Name == name);

    private static ScalableObjectReport ToReport(JsonElement e) => new()
    {
        Kind = e.GetProperty("kind").GetString()!,
        Namespace = e.GetProperty("namespace").GetString()!,
        Name = e.GetProperty("name").GetString()!,
        Source = e.GetProperty("source").GetString()!,
        Errors = e.GetProperty("errors").Deserialize<List<string>>()!,
        Warnings = e.GetProperty("warnings").Deserialize<List<string>>()!,
        ScaleTargetGvkr = e.GetProperty("scaleTargetGVKR").Deserialize<GroupVersionKindResource>(),
        Hpa = e.GetProperty("hpa").Deserialize<HpaReport>(),
        Triggers = e.GetProperty("triggers").Deserialize<List<TriggerReport>>()!,
    };
}
