using Cronos;
using Operator.Scalers.Config;

namespace Operator.Scalers.Cron;

/// <summary>Metadata of the <c>cron</c> trigger (KEDA's <c>cronMetadata</c>).</summary>
public sealed class CronMetadata : ITypedConfigValidator
{
    [Keda("name=start,           order=triggerMetadata")]
    public string Start { get; set; } = "";

    [Keda("name=end,             order=triggerMetadata")]
    public string End { get; set; } = "";

    [Keda("name=timezone,        order=triggerMetadata")]
    public string Timezone { get; set; } = "";

    [Keda("name=desiredReplicas, order=triggerMetadata")]
    public long DesiredReplicas { get; set; }

    public CronExpression? StartSchedule { get; private set; }

    public CronExpression? EndSchedule { get; private set; }

    /// <summary>
    /// KEDA's <c>cronMetadata.Validate</c> (5-field schedules: minute hour day-of-month month day-of-week). Like every
    /// typed-config hook it also runs when required keys are missing, so an empty start reads "empty spec string".
    /// </summary>
    public string? Validate()
    {
        var (start, startError) = ParseSchedule(Start);
        if (startError is not null)
        {
            return $"error parsing start schedule: {startError}";
        }

        var (end, endError) = ParseSchedule(End);
        if (endError is not null)
        {
            return $"error parsing end schedule: {endError}";
        }

        if (Start == End)
        {
            return "start and end can not have exactly same time input";
        }

        if (DesiredReplicas == 0)
        {
            return "no desiredReplicas specified";
        }

        StartSchedule = start;
        EndSchedule = end;
        return null;
    }

    private static (CronExpression? Expression, string? Error) ParseSchedule(string text)
    {
        var fields = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 0)
        {
            return (null, "empty spec string");
        }

        if (fields.Length != 5)
        {
            // robfig/cron's wording for the standard 5-field parser.
            return (null, $"expected exactly 5 fields, found {fields.Length}: [{string.Join(' ', fields)}]");
        }

        try
        {
            return (CronExpression.Parse(string.Join(' ', fields), CronFormat.Standard), null);
        }
        catch (CronFormatException e)
        {
            return (null, e.Message);
        }
    }
}
