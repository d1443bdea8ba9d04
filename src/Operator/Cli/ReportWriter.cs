using System.Text;
using System.Text.Json;

namespace Operator.Cli;

/// <summary>Renders <see cref="ScalableObjectReport"/>s as text for people or as a JSON array for tools.</summary>
internal static class ReportWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public static string Json(IReadOnlyList<ScalableObjectReport> reports) => JsonSerializer.Serialize(reports, JsonOptions);

    public static string Text(IReadOnlyList<ScalableObjectReport> reports, IReadOnlyList<string> notes)
    {
        var text = new StringBuilder();
        foreach (var note in notes)
        {
            text.Append("note: ").AppendLine(note);
        }

        foreach (var report in reports)
        {
            text.AppendLine()
                .Append(report.Kind).Append(' ').Append(report.Namespace).Append('/').Append(report.Name)
                .Append(": ").Append(report.Valid ? "valid" : "INVALID")
                .Append("  (").Append(report.Source).AppendLine(")");
            foreach (var error in report.Errors)
            {
                text.Append("  error:   ").AppendLine(Indent(error));
            }

            foreach (var warning in report.Warnings)
            {
                text.Append("  warning: ").AppendLine(Indent(warning));
            }

            if (report.ScaleTargetGvkr is { } target)
            {
                text.Append("  target:  ").Append(target.GvkString()).Append(", resource ").AppendLine(target.Resource);
            }

            if (report.Hpa is { } hpa)
            {
                text.Append("  hpa:     ").Append(hpa.Name).Append(", min ").Append(hpa.MinReplicas)
                    .Append(", max ").Append(hpa.MaxReplicas);
                if (hpa.Metrics.Count > 0)
                {
                    text.Append(", metrics ").AppendJoin(", ", hpa.Metrics);
                }

                text.AppendLine();
            }

            foreach (var trigger in report.Triggers)
            {
                text.Append("  trigger ").Append(trigger.Index).Append(": ").Append(trigger.Type);
                if (trigger.Name is not null)
                {
                    text.Append(" \"").Append(trigger.Name).Append('"');
                }

                if (trigger.MetricName is not null)
                {
                    text.Append(", ").Append(trigger.MetricSource).Append(' ').Append(trigger.MetricName);
                    if (trigger.Container is not null)
                    {
                        text.Append(" (container ").Append(trigger.Container).Append(')');
                    }

                    text.Append(", ").Append(trigger.MetricType).Append(' ').Append(trigger.Target);
                    if (trigger.ActivationTarget is not null)
                    {
                        text.Append(", activation ").Append(trigger.ActivationTarget);
                    }
                }

                text.AppendLine();
            }
        }

        var invalid = reports.Count(r => !r.Valid);
        text.AppendLine().Append(reports.Count - invalid).Append(" valid, ").Append(invalid).Append(" invalid");
        if (reports.Count == 0)
        {
            text.Append(" (no ScaledObject or ScaledJob in the input)");
        }

        return text.AppendLine().ToString();
    }

    // KEDA joins several parse errors with newlines; keep them under their label.
    private static string Indent(string message) => message.Replace("\n", "\n           ", StringComparison.Ordinal);
}
