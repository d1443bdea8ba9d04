namespace OrderContracts;

/// <summary>An order as the original KEDA .NET sample puts it on the wire (PascalCase JSON).</summary>
public sealed record Order
{
    public required string Id { get; init; }

    public int Amount { get; init; }

    public required string ArticleNumber { get; init; }

    public required Customer Customer { get; init; }
}
