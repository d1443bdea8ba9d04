using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Operator.Tests.Controllers;

/// <summary>A <see cref="ScalingOperatorFixture"/> whose operator logs into a <see cref="FakeLogCollector"/> the tests read.</summary>
public sealed class LoggedOperatorFixture : ScalingOperatorFixture
{
    /// <summary>What the running operator has logged (a new collector after a restart).</summary>
    public FakeLogCollector Logs => OperatorServices.GetFakeLogCollector();

    protected override void ConfigureOperator(WebApplicationBuilder builder)
    {
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFakeLogging();
    }
}
