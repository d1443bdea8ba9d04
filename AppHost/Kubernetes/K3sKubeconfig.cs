using System.Globalization;
using System.Text.RegularExpressions;

namespace AppHost.Kubernetes;

/// <summary>k3s writes its kubeconfig for <c>https://127.0.0.1:6443</c>; the host reaches the API on the published port.</summary>
internal static partial class K3sKubeconfig
{
    /// <summary>The same kubeconfig with every <c>server:</c> at <c>https://127.0.0.1:<paramref name="port"/></c>.</summary>
    public static string ForHost(string kubeconfig, int port)
    {
        var replaced = ServerLine().Replace(kubeconfig, match => $"{match.Groups["prefix"].Value}https://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        return replaced != kubeconfig || ServerLine().IsMatch(kubeconfig)
            ? replaced
            : throw new FormatException("k3s's kubeconfig has no 'server:' line");
    }

    [GeneratedRegex(@"(?<prefix>^\s*server:\s*)https://[^\s]+", RegexOptions.Multiline)]
    private static partial Regex ServerLine();
}
