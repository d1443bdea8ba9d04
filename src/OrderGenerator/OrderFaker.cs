using Bogus;
using OrderContracts;

namespace OrderGenerator;

/// <summary>Fake orders with the original sample's Bogus rules (any int amount, a product name as the article).</summary>
internal sealed class OrderFaker
{
    private readonly Faker<Customer> _customers;
    private readonly Faker<Order> _orders;

    public OrderFaker(int? seed = null)
    {
        _customers = new Faker<Customer>()
            .CustomInstantiator(f => new Customer { FirstName = f.Name.FirstName(), LastName = f.Name.LastName() });
        _orders = new Faker<Order>()
            .CustomInstantiator(f => new Order
            {
                Id = Guid.NewGuid().ToString(),
                Amount = f.Random.Int(),
                ArticleNumber = f.Commerce.Product(),
                Customer = _customers.Generate(),
            });
        if (seed is { } value)
        {
            _customers.UseSeed(value);
            _orders.UseSeed(value + 1);
        }
    }

    public Order Next() => _orders.Generate();
}
