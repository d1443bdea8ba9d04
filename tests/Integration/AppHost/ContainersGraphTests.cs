using System.Diagnostics;
using System.Reflection;
using AppHost.Profiles;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Integration.Support;

namespace Integration.AppHost;

/// <summary>
/// The containers profile's application model, built without starting it (no Docker engine needed): the same
/// resource names as the embedded profile, and every container, image, port, environment variable, bind mount and
/// runtime argument written down in the README's containers-profile section, so the docs cannot drift.
/// </summary>
public sealed class ContainersGraphTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("apphost-graph-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Fact]
    public void ContainersGraph_HasTheEmbeddedGraphsResourceNames_WithCompanionsAsChildren()
    {
        var embedded = Graph(EmbeddedGraph.Add);
        var containers = Graph(ContainersGraph.Add);

        // Only the emulator's SQL Server is extra, a child of `servicebus` as in Aspire's own emulator integration.
        Assert.Equal(Names(embedded).Append("servicebus-mssql (servicebus)").Order(StringComparer.Ordinal), Names(containers));
        Assert.Contains("order-processor-scaler (kubernetes)", Names(containers));
    }

    [Fact]
    public async Task ContainersGraph_EveryContainer_IsDocumentedInTheReadme()
    {
        var containers = Graph(ContainersGraph.Add);
        var rows = ReadmeRows();

        var documented = containers.Resources.OfType<ContainerResource>().ToList();
        Assert.Equal(["kafka", "kubernetes", "prometheus", "servicebus", "servicebus-mssql"], documented.Select(r => r.Name).Order(StringComparer.Ordinal));
        var missing = new List<string>();
        foreach (var container in documented)
        {
            var row = rows.GetValueOrDefault(container.Name, "");
            missing.AddRange((await FactsAsync(container)).Where(fact => !row.Contains(fact, StringComparison.Ordinal)).Select(fact => $"{container.Name}: {fact}"));
        }

        Assert.True(missing.Count == 0, "the README's containers table does not say:\n" + string.Join('\n', missing));
    }

    [Fact]
    public async Task ContainersProfile_WithoutADockerEngine_FailsFastNamingTheMissingEngine()
    {
        Assert.SkipWhen(ContainersEnvironment.EngineAnswers, "a Docker engine answers here, so the containers profile would start");
        var configuration = typeof(ContainersGraphTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _state };

        // A home of its own holding the AppHost's user secrets: failing fast must leave a running environment's dashboard keys alone.
        var secrets = Path.Combine(_state, "home", ".microsoft", "usersecrets", "keda-dotnet-apphost", "secrets.json");
        Directory.CreateDirectory(Path.GetDirectoryName(secrets)!);
        const string Keys = """{"AppHost:OtlpApiKey": "otlp-key-of-a-running-apphost", "AppHost:DashboardApiKey": "api-key-of-a-running-apphost"}""";
        await File.WriteAllTextAsync(secrets, Keys, TestContext.Current.CancellationToken);
        start.Environment["HOME"] = Path.Combine(_state, "home");
        start.ArgumentList.Add(Repository.File("AppHost", "bin", configuration, "net10.0", "AppHost.dll"));
        start.ArgumentList.Add("--profile");
        start.ArgumentList.Add("containers");

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, process.ExitCode);
        var error = await stderr;
        Assert.StartsWith("the containers profile needs a Docker engine, and none answers on /var/run/docker.sock", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Equal(Keys, await File.ReadAllTextAsync(secrets, TestContext.Current.CancellationToken));
    }

    private IDistributedApplicationBuilder Graph(Action<IDistributedApplicationBuilder, string, string> add)
    {
        // The model only: nothing is built or started, so neither DCP nor a container engine is asked for.
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = [],
            AssemblyName = typeof(ContainersGraph).Assembly.GetName().Name,
            DisableDashboard = true,
        });
        add(builder, Repository.Root, _state);
        return builder;
    }

    /// <summary>Each resource as <c>name</c> or <c>name (parent)</c>, in order.</summary>
    private static List<string> Names(IDistributedApplicationBuilder builder) =>
        [.. builder.Resources
            .Where(resource => resource is not ParameterResource)
            .Select(resource => Parent(resource) is { } parent ? $"{resource.Name} ({parent})" : resource.Name)
            .Order(StringComparer.Ordinal)];

    private static string? Parent(IResource resource) =>
        resource.Annotations.OfType<ResourceRelationshipAnnotation>().FirstOrDefault(r => r.Type == "Parent")?.Resource.Name;

    /// <summary>What the README must say of a container, each as it is written there (in backticks).</summary>
    private static async Task<List<string>> FactsAsync(ContainerResource container)
    {
        var image = container.Annotations.OfType<ContainerImageAnnotation>().Single();
        List<string> facts = [$"`{(image.Registry is { } registry ? $"{registry}/" : "")}{image.Image}:{image.Tag}`"];
        foreach (var endpoint in container.Annotations.OfType<EndpointAnnotation>())
        {
            // A port picked at start (the emulator's HTTP port is the same inside and out) is documented by name only.
            facts.Add(endpoint.TargetPort is { } target && target != endpoint.Port ? $"`{endpoint.Name}` {target}" : $"`{endpoint.Name}`");
        }

        var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish));
        foreach (var callback in container.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        facts.AddRange(context.EnvironmentVariables.Select(pair => pair.Value is string value ? $"`{pair.Key}={value}`" : $"`{pair.Key}`"));
        facts.AddRange(container.Annotations.OfType<ContainerMountAnnotation>().Select(mount => $"`{mount.Target}`"));
        var runtimeArgs = new List<object>();
        foreach (var callback in container.Annotations.OfType<ContainerRuntimeArgsCallbackAnnotation>())
        {
            await callback.Callback(new ContainerRuntimeArgsCallbackContext(runtimeArgs));
        }

        if (runtimeArgs.Count > 0)
        {
            facts.Add($"`{string.Join(' ', runtimeArgs)}`");
        }

        return facts;
    }

    /// <summary>The rows of the README's containers table, by the resource name in their first cell.</summary>
    private static Dictionary<string, string> ReadmeRows()
    {
        var lines = File.ReadAllLines(Repository.File("README.md"));
        var section = lines.SkipWhile(line => !line.StartsWith("### The containers profile", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(line => !line.StartsWith("## ", StringComparison.Ordinal) && !line.StartsWith("### ", StringComparison.Ordinal));
        return section
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .ToDictionary(line => line.Split('`')[1], line => line, StringComparer.Ordinal);
    }
}
