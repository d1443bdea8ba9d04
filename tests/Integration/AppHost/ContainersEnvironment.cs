using AppHost.Profiles;

namespace Integration.AppHost;

/// <summary>
/// The AppHost's containers profile (see <see cref="AppHostEnvironment"/>): started only where a Docker engine answers
/// (the AppHost's own <see cref="DockerEngine"/> probe); elsewhere its tests skip with <see cref="NoEngine"/>. Pulling
/// k3s, Kafka, the emulator and SQL Server and building the processor image take minutes on a first run.
/// </summary>
public sealed class ContainersEnvironment() : AppHostEnvironment("containers", TimeSpan.FromMinutes(15))
{
    public static bool EngineAnswers { get; } = DockerEngine.Answering(ProfileChooser.DockerSockets) is not null;

    public static string NoEngine => $"no Docker engine answers on {string.Join(" or ", ProfileChooser.DockerSockets)}: the containers profile needs one";

    public override ValueTask InitializeAsync() => EngineAnswers ? base.InitializeAsync() : ValueTask.CompletedTask;
}
