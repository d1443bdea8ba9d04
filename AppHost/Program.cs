using AppHost;
using AppHost.Profiles;
using Microsoft.Extensions.Configuration;

// The profile is chosen before the Aspire builder exists: creating one outside Development generates new dashboard
// keys and saves them to the user secrets, which a run that only fails fast must not do to a running environment.
var choice = ProfileChooser.Choose(new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build()["profile"]);
if (choice.Error is not null)
{
    await Console.Error.WriteLineAsync($"{choice.Error}\nusage: dotnet run --project AppHost [-- --profile embedded|containers]");
    return 2;
}

var builder = DistributedApplication.CreateBuilder(args);

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
