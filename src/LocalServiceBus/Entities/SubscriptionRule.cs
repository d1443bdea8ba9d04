using Amqp;
using LocalServiceBus.Config;

namespace LocalServiceBus.Entities;

/// <summary>A subscription rule: a correlation filter, a SQL filter (the subset <see cref="SqlFilter"/> reads) or match-all.</summary>
internal sealed class SubscriptionRule
{
    private readonly CorrelationFilterDefinition? _correlation;
    private readonly SqlFilter? _sql;

    public SubscriptionRule(RuleDefinition definition)
    {
        Name = definition.Name;
        _correlation = definition.Correlation;
        _sql = definition.SqlExpression is { } expression ? SqlFilter.Parse(expression) : null;
    }

    public string Name { get; }

    public bool Matches(Message message)
    {
        if (_sql is not null)
        {
            return _sql.Matches(message);
        }

        if (_correlation is null)
        {
            return true;
        }

        foreach (var (field, expected) in _correlation.SystemProperties)
        {
            if (!string.Equals(SystemProperty(message, field)?.ToString(), expected, StringComparison.Ordinal))
            {
                return false;
            }
        }

        foreach (var (key, expected) in _correlation.ApplicationProperties)
        {
            if (!string.Equals(message.ApplicationProperties?[key]?.ToString(), expected, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The broker properties filters can name (<c>sys.Label</c>, correlation filter fields).</summary>
    public static object? SystemProperty(Message message, string name)
    {
        var p = message.Properties;
        return name.ToUpperInvariant() switch
        {
            "MESSAGEID" => p?.GetMessageId()?.ToString(),
            "CORRELATIONID" => p?.GetCorrelationId()?.ToString(),
            "LABEL" or "SUBJECT" => p?.Subject,
            "TO" => p?.To,
            "REPLYTO" => p?.ReplyTo,
            "CONTENTTYPE" => p?.ContentType?.ToString(),
            "SESSIONID" => p?.GroupId,
            "REPLYTOSESSIONID" => p?.ReplyToGroupId,
            _ => null,
        };
    }
}
