namespace EmbeddedKubernetes.Tests.Support;

/// <summary>Finds files in the repository checkout the tests run from (e.g. deploy/crds).</summary>
public static class RepositoryFiles
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Aspire.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Aspire.sln not found above " + AppContext.BaseDirectory);
    }
}
