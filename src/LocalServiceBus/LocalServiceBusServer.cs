using System.Net;
using System.Net.Sockets;
using LocalServiceBus.Amqp;
using LocalServiceBus.Entities;
using LocalServiceBus.Http;
using LocalServiceBus.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LocalServiceBus;

/// <summary>
/// A Service-Bus-compatible broker for the unmodified Azure.Messaging.ServiceBus SDK: AMQP on plain TCP and the
/// emulator's HTTP management port. State is in memory; <see cref="StopAsync"/> and <see cref="StartAsync(CancellationToken)"/>
/// on the same instance keep it (a listener restart), a new instance starts empty (as the emulator's container does).
/// </summary>
public sealed class LocalServiceBusServer : IAsyncDisposable
{
    private readonly LocalServiceBusOptions _options;
    private readonly ILogger _logger;
    private readonly ServiceBusNamespace _namespace;
    private readonly SasTokenValidator _validator;
    private AmqpBroker? _broker;
    private WebApplication? _http;

    private LocalServiceBusServer(LocalServiceBusOptions options, ILoggerFactory loggerFactory)
    {
        _options = options;
        _logger = loggerFactory.CreateLogger("LocalServiceBus");
        _namespace = new ServiceBusNamespace(options.Config, options.TimeProvider, options.SweepInterval);
        _validator = new SasTokenValidator(options.KeyName, options.Key, options.TimeProvider);
        AmqpPort = options.AmqpPort;
        HttpPort = options.HttpPort;
    }

    public int AmqpPort { get; private set; }

    public int HttpPort { get; private set; }

    /// <summary>The emulator-form connection string for messaging (AMQP port).</summary>
    public string ConnectionString => ConnectionStringFor(AmqpPort);

    /// <summary>The emulator-form connection string for <c>ServiceBusAdministrationClient</c> (HTTP port).</summary>
    public string AdministrationConnectionString => ConnectionStringFor(HttpPort);

    public int OpenConnections => _broker?.OpenConnections ?? 0;

    internal ServiceBusNamespace Namespace => _namespace;

    public static async Task<LocalServiceBusServer> StartAsync(LocalServiceBusOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var server = new LocalServiceBusServer(options, loggerFactory ?? NullLoggerFactory.Instance);
        await server.StartAsync(cancellationToken);
        return server;
    }

    /// <summary>Opens both listeners (again), on the ports chosen the first time.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (AmqpPort == 0)
        {
            AmqpPort = FreePort(_options.Host);
        }

        var broker = new AmqpBroker(_namespace, _validator, _options, _options.TimeProvider, _logger);
        broker.Start(_options.Host, AmqpPort);
        _broker = broker;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Parse(_options.Host), HttpPort));
        var app = builder.Build();
        new ManagementApi(_namespace, _validator, _logger).Map(app);
        await app.StartAsync(cancellationToken);
        HttpPort = new Uri(app.Urls.First()).Port;
        _http = app;

        var amqpEndpoint = $"amqp://{_options.Host}:{AmqpPort}";
        var httpEndpoint = $"http://{_options.Host}:{HttpPort}";
        LocalServiceBusLog.Ready(_logger, amqpEndpoint, httpEndpoint, _namespace.Name, _namespace.Queues.Count, _namespace.Topics.Count);
    }

    /// <summary>Closes both listeners and every connection; entities and messages stay in this instance.</summary>
    public async Task StopAsync()
    {
        _broker?.Dispose();
        _broker = null;
        if (_http is not null)
        {
            await _http.StopAsync();
            await _http.DisposeAsync();
            _http = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _namespace.Dispose();
    }

    private string ConnectionStringFor(int port) =>
        $"Endpoint=sb://localhost:{port};SharedAccessKeyName={_options.KeyName};SharedAccessKey={_options.Key};UseDevelopmentEmulator=true;";

    private static int FreePort(string host)
    {
        using var probe = new TcpListener(IPAddress.Parse(host), 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
