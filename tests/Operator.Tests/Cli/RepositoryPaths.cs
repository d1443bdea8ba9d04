namespace Operator.Tests.Cli;

/// <summary>Paths inside the repository checkout the tests run from.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Examples => Path.Combine(Root, "docs", "examples");

    public static string Example(string name) => Path.Combine(Examples, name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Aspire.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (Aspire.sln) was not found above " + AppContext.BaseDirectory);
    }
}
