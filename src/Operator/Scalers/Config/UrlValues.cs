namespace Operator.Scalers.Config;

/// <summary>
/// A property of this type is parsed like Go's <c>url.Values</c> (<c>url.ParseQuery</c>: <c>a=1&amp;b=2&amp;a=3</c>),
/// unlike a plain dictionary which uses <c>k=v,k2=v2</c>.
/// </summary>
public sealed class UrlValues : Dictionary<string, List<string>>
{
    public UrlValues()
        : base(StringComparer.Ordinal)
    {
    }
}
