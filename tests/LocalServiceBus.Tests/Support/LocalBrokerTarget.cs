using LocalServiceBus.Config;

namespace LocalServiceBus.Tests.Support;

/// <summary>The local broker on free ports, configured from the same Config.json the emulator tests mount.</summary>
public sealed class LocalBrokerTarget : IServiceBusTarget, IAsyncLifetime
{
    public static string ConfigPath => Path.Combine(AppContext.BaseDirectory, "Config.json");

    public LocalServiceBusServer Server { get; private set; } = null!;

    public string ConnectionString => Server.ConnectionString;

    public string AdministrationConnectionString => Server.AdministrationConnectionString;

    public static Task<LocalServiceBusServer> StartServerAsync(Action<LocalServiceBusOptions>? configure = null)
    {
        var options = new LocalServiceBusOptions { Config = EmulatorConfig.Load(ConfigPath), AmqpPort = 0, HttpPort = 0 };
        configure?.Invoke(options);
        return LocalServiceBusServer.StartAsync(options, cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask InitializeAsync() => Server = await StartServerAsync();

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
