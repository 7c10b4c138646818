using System.Text.Json.Serialization.Metadata;

namespace Promotions.Domain.Customers;

/// <summary>
/// A <see cref="SealedCustomer"/> stored as its document alone, in the shape of the store's customer JSON: so a
/// document table of sealed customers keeps the same documents, and the e-mail key goes in a column or attribute of its own.
/// </summary>
public static class SealedCustomerJson
{
    /// <summary>The JSON of sealed customers whose documents are written and read with <paramref name="customer"/>.</summary>
    public static JsonTypeInfo<SealedCustomer> For(JsonTypeInfo<Customer> customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return JsonMetadataServices.CreateValueInfo<SealedCustomer>(customer.Options, new SealedCustomerConverter(customer));
    }
}
