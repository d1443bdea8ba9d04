using System.Reflection;

namespace AppHost;

/// <summary>The checkout the AppHost runs from (where <c>Aspire.sln</c> is), so manifests and built programs are found.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Aspire.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Environment.CurrentDirectory;
    }

    /// <summary>The built assembly of a project under this checkout, in the configuration the AppHost was built in.</summary>
    public static string Assembly(string root, string projectDirectory, string name)
    {
        var configuration = typeof(RepositoryRoot).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        return Path.Combine(root, projectDirectory, "bin", configuration, "net10.0", $"{name}.dll");
    }
}
