using System.Text.RegularExpressions;

namespace EmbeddedKubernetes.Resources;

/// <summary>Kubernetes version priority: GA before beta before alpha, higher numbers first (v2 &gt; v1 &gt; v1beta2).</summary>
internal sealed partial class KubeVersionComparer : IComparer<string>
{
    public static readonly KubeVersionComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        var (xr, xm, xn) = Parse(x ?? "");
        var (yr, ym, yn) = Parse(y ?? "");
        if (xr != yr)
        {
            return xr.CompareTo(yr);
        }

        if (xm != ym)
        {
            return ym.CompareTo(xm);
        }

        if (xn != yn)
        {
            return yn.CompareTo(xn);
        }

        return string.CompareOrdinal(x, y);
    }

    private static (int Rank, int Major, int Minor) Parse(string version)
    {
        var match = VersionPattern().Match(version);
        if (!match.Success)
        {
            return (3, 0, 0);
        }

        var major = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var minor = match.Groups[3].Success ? int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var rank = match.Groups[2].Value switch { "" => 0, "beta" => 1, _ => 2 };
        return (rank, major, minor);
    }

    [GeneratedRegex("^v([0-9]+)(?:(alpha|beta)([0-9]+))?$")]
    private static partial Regex VersionPattern();
}
