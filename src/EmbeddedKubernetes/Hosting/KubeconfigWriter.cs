using System.Text;

namespace EmbeddedKubernetes.Hosting;

/// <summary>Writes a kubeconfig (cluster with CA data, bearer-token user, one context) that kubectl and KubernetesClient read.</summary>
internal static class KubeconfigWriter
{
    public const string ContextName = "embedded";

    public static string Render(string server, string caPem, string token) =>
        $$"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: {{ContextName}}
          cluster:
            server: {{server}}
            certificate-authority-data: {{Convert.ToBase64String(Encoding.ASCII.GetBytes(caPem))}}
        users:
        - name: {{ContextName}}-admin
          user:
            token: {{token}}
        contexts:
        - name: {{ContextName}}
          context:
            cluster: {{ContextName}}
            user: {{ContextName}}-admin
            namespace: default
        current-context: {{ContextName}}
        preferences: {}

        """;

    public static void Write(string path, string content)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, content);
        if (!OperatingSystem.IsWindows())
        {
            // The file carries a credential: owner-only, as kubectl expects.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
