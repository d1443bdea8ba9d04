using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderContracts;

/// <summary>The one JSON form of an order, shared by the generator and the processor.</summary>
public static class OrderJson
{
    public static byte[] Serialize(Order order) => JsonSerializer.SerializeToUtf8Bytes(order, OrderJsonContext.Default.Order);

    public static string SerializeToString(Order order) => JsonSerializer.Serialize(order, OrderJsonContext.Default.Order);

    /// <summary>Reads an order; on failure says why (the reason a poison message is dead-lettered with).</summary>
    public static bool TryDeserialize(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out Order? order, [NotNullWhen(false)] out string? error)
    {
        order = null;
        try
        {
            order = JsonSerializer.Deserialize(utf8, OrderJsonContext.Default.Order);
        }
        catch (JsonException e)
        {
            error = $"the body is not an order: {e.Message}";
            return false;
        }

        if (order is null)
        {
            error = "the body is not an order: null";
            return false;
        }

        if (string.IsNullOrWhiteSpace(order.Id))
        {
            error = "the order has no Id";
            order = null;
            return false;
        }

        error = null;
        return true;
    }
}

[JsonSerializable(typeof(Order))]
[JsonSourceGenerationOptions(RespectRequiredConstructorParameters = true)]
internal sealed partial class OrderJsonContext : JsonSerializerContext;
