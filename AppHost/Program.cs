using AppHost;
using AppHost.Profiles;

var builder = DistributedApplication.CreateBuilder(args);
var choice = ProfileChooser.Choose(builder.Configuration["profile"]);
if (choice.Error is not null)
{
    await Console.Error.WriteLineAsync($"{choice.Error}\nusage: dotnet run --project AppHost [-- --profile embedded|containers]");
    return 2;
}

await Console.Out.WriteLineAsync($"profile: {choice.Profile} ({choice.Why})");
var root = RepositoryRoot.Find();
var stateDirectory = builder.Configuration["StateDirectory"] ?? Path.Combine(root, ".apphost");
builder.AddProfile(choice);
try
{
    if (choice.Profile == ProfileChooser.Embedded)
    {
        EmbeddedGraph.Add(builder, root, stateDirectory);
    }
    else
    {
        ContainersGraph.Add(builder, root, stateDirectory);
    }
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

await builder.Build().RunAsync();
return 0;
