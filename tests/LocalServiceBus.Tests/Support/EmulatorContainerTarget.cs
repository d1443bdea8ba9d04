using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using DotNet.Testcontainers.Networks;
using Testcontainers.MsSql;

namespace LocalServiceBus.Tests.Support;

/// <summary>
/// The real Service Bus emulator 2.x (with SQL Server) in containers, mounting the same Config.json as the local
/// broker; started only where a Docker engine answers.
/// </summary>
public sealed class EmulatorContainerTarget : IServiceBusTarget, IAsyncLifetime
{
    private const string EmulatorImage = "mcr.microsoft.com/azure-messaging/servicebus-emulator:2.0.0";
    private const string SqlImage = "mcr.microsoft.com/mssql/server:2022-CU14-ubuntu-22.04";
    private const string SqlAlias = "database-container";
    private const string Password = "Local-ServiceBus-1";
    private INetwork? _network;
    private MsSqlContainer? _sql;
    private IContainer? _emulator;

    public string ConnectionString => Connection(5672);

    public string AdministrationConnectionString => Connection(5300);

    public async ValueTask InitializeAsync()
    {
        if (DockerEngine.UnavailableReason is not null)
        {
            return;
        }

        _network = new NetworkBuilder().Build();
        _sql = new MsSqlBuilder(SqlImage).WithPassword(Password).WithNetwork(_network).WithNetworkAliases(SqlAlias).Build();
        await _sql.StartAsync();
        _emulator = new ContainerBuilder(EmulatorImage)
            .WithNetwork(_network)
            .WithEnvironment("ACCEPT_EULA", "Y")
            .WithEnvironment("SQL_SERVER", SqlAlias)
            .WithEnvironment("MSSQL_SA_PASSWORD", Password)
            .WithEnvironment("SQL_WAIT_INTERVAL", "0")
            .WithPortBinding(5672, true)
            .WithPortBinding(5300, true)
            .WithResourceMapping(new FileInfo(LocalBrokerTarget.ConfigPath), "/ServiceBus_Emulator/ConfigFiles/")
            .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged(LocalServiceBusLog.ReadyLine))
            .Build();
        await _emulator.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }

        if (_sql is not null)
        {
            await _sql.DisposeAsync();
        }

        if (_network is not null)
        {
            await _network.DisposeAsync();
        }
    }

    private string Connection(int port) =>
        $"Endpoint=sb://{_emulator!.Hostname}:{_emulator.GetMappedPublicPort(port)};SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;";
}
