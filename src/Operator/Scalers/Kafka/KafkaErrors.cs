using Confluent.Kafka;

namespace Operator.Scalers.Kafka;

/// <summary>Turns client exceptions into result messages that never carry a secret of the connection.</summary>
internal static class KafkaErrors
{
    public static string Describe(Exception e, KafkaConnection connection)
    {
        var text = e is KafkaException k && k.Error.Reason.Length > 0 ? k.Error.Reason : e.Message;
        foreach (var secret in new[] { connection.Password, connection.KeyPassword, connection.Key })
        {
            if (secret.Length > 0)
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return text;
    }
}
