using OrderProcessor;

var builder = WebApplication.CreateBuilder(args);
var problems = OrderProcessorHost.TryConfigure(builder);
if (problems.Count > 0)
{
    foreach (var problem in problems)
    {
        await Console.Error.WriteLineAsync($"order-processor: {problem}");
    }

    return 2;
}

var app = builder.Build();
OrderProcessorHost.MapEndpoints(app);
await app.RunAsync();
return 0;
