namespace AppHost.Profiles;

/// <summary>The containers profile: k3s, Prometheus, Kafka, the Service Bus emulator; same resource names as embedded.</summary>
internal static class ContainersGraph
{
    public static void Add(IDistributedApplicationBuilder builder, string root, string stateDirectory)
    {
        _ = builder;
        _ = root;
        _ = stateDirectory;
        throw new NotSupportedException("the containers profile is not written yet; run with --profile embedded");
    }
}
