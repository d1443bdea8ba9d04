var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("OrderProcessor");
var app = builder.Build();
app.MapDefaultEndpoints();
await app.RunAsync();
