using Microsoft.Extensions.DependencyInjection;
using Operator.Cli;
using Operator.ScaleLoop;
using Operator.Scalers.Http;

namespace Operator.Tests.Cli;

public sealed class RunHostTests : IDisposable
{
    private readonly string _kubeconfig = Path.Combine(Path.GetTempPath(), $"run-host-{Guid.NewGuid():N}.kubeconfig");

    public RunHostTests() => File.WriteAllText(_kubeconfig, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster: {server: "https://127.0.0.1:1", insecure-skip-tls-verify: true}
        users:
        - name: u
          user: {token: t}
        contexts:
        - name: x
          context: {cluster: c, user: u}
        current-context: x
        """);

    public void Dispose() => File.Delete(_kubeconfig);

    [Fact]
    public async Task BuildHost_ScalersGetTheirHttpClientsFromTheHostsFactory()
    {
        var app = RunCommand.BuildHost(new RunOptions { Kubeconfig = _kubeconfig, MetricsPort = 0, HealthPort = 0, AdapterPort = 0 });
        await using (app)
        {
            var clients = app.Services.GetRequiredService<ScalerHttpClients>();

            Assert.NotNull(app.Services.GetRequiredService<IHttpClientFactory>());
            Assert.Same(clients, app.Services.GetRequiredService<ScalerFactory>().Services.Http);
            using var client = clients.Create(ScalerTlsSettings.Default(false));
            Assert.Equal(Timeout.InfiniteTimeSpan, client.Timeout);
        }
    }
}
