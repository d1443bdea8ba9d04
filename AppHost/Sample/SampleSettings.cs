using System.Globalization;
using AppHost.Kubernetes;
using Microsoft.Extensions.Configuration;

namespace AppHost.Sample;

/// <summary>
/// The order sample's knobs, from the AppHost's configuration (command line <c>--OrderGenerator:Count 40</c>, or
/// environment <c>OrderGenerator__Count</c>): how many orders the <c>order-generator</c> resource queues and on which
/// transport, and the processor pods' processing time. Bad values fail at start-up naming the key.
/// </summary>
internal static class SampleSettings
{
    public const int DefaultCount = 300;
    public const string CountKey = "OrderGenerator:Count";
    public const string TransportKey = "OrderGenerator:Transport";
    public const string ProcessingTimeKey = "OrderProcessor:ProcessingTime";

    public static (int Count, string? Transport) Generator(IConfiguration configuration)
    {
        var count = DefaultCount;
        if (configuration[CountKey] is { Length: > 0 } text
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 0))
        {
            throw new ArgumentException($"{CountKey} is '{text}'; accepted values: a whole number of orders, 0 or more");
        }

        var transport = configuration[TransportKey];
        if (transport is { Length: > 0 } and not ("servicebus" or "kafka"))
        {
            throw new ArgumentException($"{TransportKey} is '{transport}'; accepted values: servicebus, kafka");
        }

        return (count, string.IsNullOrEmpty(transport) ? null : transport);
    }

    /// <summary>Gives the processor pods <c>OrderProcessor__ProcessingTime</c> when the AppHost was given one (default: the processor's 2 s).</summary>
    public static IResourceBuilder<T> WithSampleSettings<T>(this IResourceBuilder<T> builder, IConfiguration configuration)
        where T : IKubernetesClusterResource
    {
        if (configuration[ProcessingTimeKey] is not { Length: > 0 } text)
        {
            return builder;
        }

        if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var time) || time < TimeSpan.Zero)
        {
            throw new ArgumentException($"{ProcessingTimeKey} is '{text}'; accepted values: a duration such as 00:00:00.500");
        }

        return builder.WithPodEnvironment("OrderProcessor__ProcessingTime", time.ToString("c", CultureInfo.InvariantCulture));
    }
}
