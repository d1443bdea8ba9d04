using System.Net;
using Operator.Cli;
using Operator.Hosting;

namespace Operator.Tests.Cli;

public sealed class RunOptionsTests
{
    [Fact]
    public void Parse_ReadsListenerFlags()
    {
        var options = RunOptions.Parse(
            ["--metrics-port", "9090", "--health-port", "9091", "--adapter-address", "0.0.0.0", "--adapter-port", "7443", "--leader-elect"], out var error);

        Assert.Null(error);
        Assert.NotNull(options);
        Assert.Equal(9090, options.MetricsPort);
        Assert.Equal(9091, options.HealthPort);
        Assert.Equal(IPAddress.Any, options.AdapterAddress);
        Assert.Equal(7443, options.AdapterPort);
        Assert.True(options.LeaderElection().Enabled);
    }

    [Fact]
    public void Parse_RejectsAnAdapterAddressThatIsNoIp_NamingTheFlag()
    {
        var options = RunOptions.Parse(["--adapter-address", "localhost:80"], out var error);

        Assert.Null(options);
        Assert.Contains("--adapter-address", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RejectsAnUnknownScalingMode_ListingTheAcceptedValues()
    {
        var options = RunOptions.Parse(["--scaling-mode", "fast"], out var error);

        Assert.Null(options);
        Assert.Contains("accepted values: hpa, direct", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_OutOfCluster_RegistersTheApiServiceOnLoopback()
    {
        var endpoints = new OperatorEndpointsOptions();

        RunOptions.Parse([], out _)!.Apply(endpoints, inCluster: false);

        Assert.True(endpoints.RegisterApiService);
        Assert.Equal(IPAddress.Loopback, endpoints.AdapterBindAddress);
        Assert.Equal(OperatorEndpointsDefaults.MetricsPort, endpoints.MetricsPort);
    }

    [Fact]
    public void Apply_InCluster_UsesTheDeployedApiServiceAndListensOnAllAddresses()
    {
        var endpoints = new OperatorEndpointsOptions();

        RunOptions.Parse(["--adapter-address", "0.0.0.0", "--health-port", "8082"], out _)!.Apply(endpoints, inCluster: true);

        Assert.False(endpoints.RegisterApiService);
        Assert.Equal(IPAddress.Any, endpoints.AdapterBindAddress);
        Assert.Equal(IPAddress.Any, endpoints.HttpBindAddress);
        Assert.Equal(8082, endpoints.HealthPort);
    }
}
