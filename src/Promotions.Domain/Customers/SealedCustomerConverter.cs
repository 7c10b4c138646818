using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Promotions.Domain.Customers;

/// <summary>Writes and reads only the document of a <see cref="SealedCustomer"/> (see <see cref="SealedCustomerJson"/>).</summary>
internal sealed class SealedCustomerConverter(JsonTypeInfo<Customer> customer) : JsonConverter<SealedCustomer>
{
    public override SealedCustomer Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonSerializer.Deserialize(ref reader, customer) ?? throw new JsonException("A stored customer is null."), null);

    public override void Write(Utf8JsonWriter writer, SealedCustomer value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        JsonSerializer.Serialize(writer, value.Document, customer);
    }
}
