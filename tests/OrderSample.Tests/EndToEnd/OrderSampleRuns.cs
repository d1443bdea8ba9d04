using System.Diagnostics;
using global::OrderGenerator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using OrderContracts;
using Spectre.Console.Testing;

namespace OrderSample.Tests.EndToEnd;

/// <summary>Runs the real generator and processor against a broker: in-process, or the processor as its own process.</summary>
internal static class OrderSampleRuns
{
    public static async Task<(int Exit, string Output)> GenerateAsync(int count, OrderTransport transport, IDictionary<string, string?> configuration)
    {
        var console = new TestConsole();
        var directory = Directory.CreateTempSubdirectory("generator-").FullName;
        try
        {
            var exit = await OrderGeneratorApp.RunAsync(new GeneratorOptions { Count = count, Transport = transport }, console, TextReader.Null, directory,
                b => b.Configuration.AddInMemoryCollection(configuration), TestContext.Current.CancellationToken);
            return (exit, console.Output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    public static async Task<WebApplication> StartProcessorAsync(IDictionary<string, string?> configuration)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var problems = global::OrderProcessor.OrderProcessorHost.TryConfigure(builder);
        Assert.Empty(problems);
        var app = builder.Build();
        global::OrderProcessor.OrderProcessorHost.MapEndpoints(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    /// <summary>Starts the built processor (OrderProcessor.dll) as a separate process, configured through its environment.</summary>
    public static ProcessorProcess StartProcessorProcess(IDictionary<string, string?> configuration)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OrderProcessor.dll"));
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        foreach (var (key, value) in configuration)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return new ProcessorProcess(Process.Start(start)!);
    }
}
