using System.Text.RegularExpressions;
using Operator.Scalers.Config;

namespace Operator.Scalers.AzureServiceBus;

/// <summary>Metadata of the <c>azure-servicebus</c> trigger (KEDA's <c>azureServiceBusMetadata</c>).</summary>
public sealed class AzureServiceBusMetadata : ITypedConfigValidator
{
    [Keda("name=messageCount,          order=triggerMetadata, default=5")]
    public long TargetLength { get; set; }

    [Keda("name=activationMessageCount,          order=triggerMetadata, optional")]
    public long ActivationTargetLength { get; set; }

    [Keda("name=queueName,          order=triggerMetadata, optional")]
    public string QueueName { get; set; } = "";

    [Keda("name=topicName,          order=triggerMetadata, optional")]
    public string TopicName { get; set; } = "";

    [Keda("name=subscriptionName,          order=triggerMetadata, optional")]
    public string SubscriptionName { get; set; } = "";

    /// <summary>Connection string (a secret).</summary>
    [Keda("name=connection,          order=authParams;resolvedEnv, optional")]
    public string Connection { get; set; } = "";

    [Keda("name=namespace,          order=triggerMetadata, optional")]
    public string Namespace { get; set; } = "";

    [Keda("name=useRegex,          order=triggerMetadata, optional")]
    public bool UseRegex { get; set; }

    [Keda("name=operation,          order=triggerMetadata, enum=sum;max;avg, default=sum")]
    public string Operation { get; set; } = "";

    public ServiceBusEntityType EntityType { get; private set; }

    /// <summary><c>&lt;namespace&gt;.&lt;endpoint suffix&gt;</c> when pod identity <c>azure-workload</c> is used.</summary>
    public string FullyQualifiedNamespace { get; internal set; } = "";

    /// <summary>Full-match regex over entity names when <see cref="UseRegex"/> is set.</summary>
    public Regex? EntityNameRegex { get; private set; }

    /// <summary>KEDA's <c>azureServiceBusMetadata.Validate</c>.</summary>
    public string? Validate()
    {
        EntityType = ServiceBusEntityType.None;
        if (QueueName.Length > 0)
        {
            EntityType = ServiceBusEntityType.Queue;
            if (SubscriptionName.Length > 0)
            {
                return "subscription name provided with queue name";
            }

            if (UseRegex && !TryCompile(QueueName))
            {
                return "queueName is not a valid regular expression";
            }
        }

        if (TopicName.Length > 0)
        {
            if (EntityType == ServiceBusEntityType.Queue)
            {
                return "both topic and queue name metadata provided";
            }

            EntityType = ServiceBusEntityType.Subscription;
            if (SubscriptionName.Length == 0)
            {
                return "no subscription name provided with topic name";
            }

            if (UseRegex && !TryCompile(SubscriptionName))
            {
                return "subscriptionName is not a valid regular expression";
            }
        }

        return EntityType == ServiceBusEntityType.None ? "no service bus entity type set" : null;
    }

    private bool TryCompile(string pattern)
    {
        try
        {
            // KEDA keeps names whose leftmost-longest match is the whole name: anchoring gives the same set.
            EntityNameRegex = new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
