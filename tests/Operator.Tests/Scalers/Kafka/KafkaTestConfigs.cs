using Operator.Scalers;

namespace Operator.Tests.Scalers.Kafka;

internal static class KafkaTestConfigs
{
    public static ScalerBuildResult Build(string metadata, string authParams, int index = 0, string type = "kafka", PodIdentity? podIdentity = null) =>
        ScalerRegistry.Build(new ScalerConfig
        {
            TriggerType = type,
            TriggerIndex = index,
            TriggerMetadata = TestMaps.Parse(metadata),
            AuthParams = TestMaps.Parse(authParams),
            PodIdentity = podIdentity ?? PodIdentity.None,
        });
}
