using System.Text.RegularExpressions;
using EmbeddedKubernetes.Tests.Support;

namespace EmbeddedKubernetes.Tests.Conformance;

/// <summary>
/// The README's kubectl steps, typed as written, against a fresh standalone control plane with KEDA's CRDs applied
/// (what <c>dotnet run --project AppHost</c> starts): every step must succeed.
/// </summary>
public sealed partial class ReadmeQuickStartTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task ReadmeKubectlSteps_SucceedOnAFreshControlPlane()
    {
        var kubectl = Kubectl.For(fixture.Cluster);
        var root = RepositoryFiles.Root();
        var steps = KubectlSteps(await File.ReadAllTextAsync(Path.Combine(root, "README.md"), TestContext.Current.CancellationToken));
        (await kubectl.RunAsync("apply", "-f", Path.Combine(root, "deploy", "crds"))).EnsureSuccess();

        Assert.NotEmpty(steps);
        foreach (var step in steps)
        {
            var result = await kubectl.RunAsync([.. step.Select(a => File.Exists(Path.Combine(root, a)) || Directory.Exists(Path.Combine(root, a)) ? Path.Combine(root, a) : a)]);
            Assert.True(result.ExitCode == 0, $"README step 'kubectl {string.Join(' ', step)}' failed: {result.Stderr}");
        }
    }

    /// <summary>Each <c>kubectl ...</c> line of the README's bash blocks, without its --kubeconfig (the test's cluster is used).</summary>
    private static List<string[]> KubectlSteps(string readme)
    {
        var steps = new List<string[]>();
        foreach (Match block in BashBlock().Matches(readme))
        {
            foreach (var line in block.Groups[1].Value.Split('\n'))
            {
                var command = line.Split('#')[0].Trim();
                if (!command.StartsWith("kubectl ", StringComparison.Ordinal))
                {
                    continue;
                }

                var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
                var kubeconfig = args.IndexOf("--kubeconfig");
                if (kubeconfig >= 0)
                {
                    args.RemoveRange(kubeconfig, 2);
                }

                steps.Add([.. args]);
            }
        }

        return steps;
    }

    [GeneratedRegex("```bash\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();
}
