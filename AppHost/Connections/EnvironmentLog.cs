using Microsoft.Extensions.Logging;

namespace AppHost.Connections;

internal static partial class EnvironmentLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Profile: {Profile} ({Why})")]
    public static partial void ProfileChosen(ILogger logger, string profile, string why);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Environment ready. Dashboard: {LoginUrl}\n" +
            "      connection details: {EnvironmentFile}\n" +
            "      next, from a second terminal:\n" +
            "        dotnet run --project src/OrderGenerator -- --count 300\n" +
            "        kubectl --kubeconfig {Kubeconfig} get so,hpa,pods -n keda-dotnet-sample")]
    public static partial void Ready(ILogger logger, string loginUrl, string environmentFile, string kubeconfig);
}
