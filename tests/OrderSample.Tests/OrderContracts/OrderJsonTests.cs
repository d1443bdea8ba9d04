using System.Text;
using System.Text.Json.Nodes;
using OrderContracts;

namespace OrderSample.Tests.OrderContracts;

public sealed class OrderJsonTests
{
    private static readonly Order Sample = new()
    {
        Id = "7ff54254-0000-0000-0000-000000000001",
        Amount = 1741776525,
        ArticleNumber = "Chicken",
        Customer = new Customer { FirstName = "Myrtis", LastName = "Balistreri" },
    };

    [Fact]
    public void Serialize_WritesTheOriginalSamplesPascalCaseShape()
    {
        var json = JsonNode.Parse(OrderJson.SerializeToString(Sample))!;

        Assert.Equal(Sample.Id, (string?)json["Id"]);
        Assert.Equal(1741776525, (int?)json["Amount"]);
        Assert.Equal("Chicken", (string?)json["ArticleNumber"]);
        Assert.Equal("Myrtis", (string?)json["Customer"]!["FirstName"]);
        Assert.Equal("Balistreri", (string?)json["Customer"]!["LastName"]);
    }

    [Fact]
    public void TryDeserialize_ReadsWhatSerializeWrote()
    {
        Assert.True(OrderJson.TryDeserialize(OrderJson.Serialize(Sample), out var order, out _));
        Assert.Equal(Sample, order with { Customer = Sample.Customer });
        Assert.Equal(Sample.Customer, order.Customer);
    }

    [Theory]
    [InlineData("not json", "the body is not an order")]
    [InlineData("null", "the body is not an order: null")]
    [InlineData("""{"Id":"","Amount":1,"ArticleNumber":"x","Customer":{"FirstName":"a","LastName":"b"}}""", "the order has no Id")]
    [InlineData("""{"Id":"1","Amount":1}""", "the body is not an order")]
    public void TryDeserialize_NotAnOrder_SaysWhy(string body, string expected)
    {
        Assert.False(OrderJson.TryDeserialize(Encoding.UTF8.GetBytes(body), out _, out var error));
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }
}
