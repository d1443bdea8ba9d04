namespace OrderContracts;

public sealed record Customer
{
    public required string FirstName { get; init; }

    public required string LastName { get; init; }
}
