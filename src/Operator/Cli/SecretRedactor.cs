namespace Operator.Cli;

/// <summary>Replaces resolved secret values in any text before it is printed.</summary>
internal sealed class SecretRedactor
{
    private const string Mask = "<redacted>";
    private readonly List<string> _secrets = [];

    public void Add(IEnumerable<string> values) =>
        _secrets.AddRange(values.Where(v => v.Trim().Length >= 3 && !_secrets.Contains(v)));

    public string Redact(string text)
    {
        foreach (var secret in _secrets.OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
