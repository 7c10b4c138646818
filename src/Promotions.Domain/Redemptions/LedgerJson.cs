using System.Text.Json;
using System.Text.Json.Serialization;

namespace Promotions.Domain.Redemptions;

/// <summary>
/// The stored documents of redemptions and reversals (the same shape in every ledger adapter): camelCase, enums by
/// name, derived properties left out.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(Redemption))]
[JsonSerializable(typeof(OrderRedemption))]
[JsonSerializable(typeof(Reversal))]
public sealed partial class LedgerJson : JsonSerializerContext
{
    /// <summary>The stored document of an order's redemption.</summary>
    public static string Write(OrderRedemption order) => JsonSerializer.Serialize(order, Default.OrderRedemption);

    /// <summary>
    /// An order's redemption from its stored document; a document of one promotion's redemption, as ledgers stored
    /// them before whole-cart redemptions, is read as an order of that one part.
    /// </summary>
    public static OrderRedemption Read(string json, string id)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.TryGetProperty("redemptions", out _))
        {
            return document.RootElement.Deserialize(Default.OrderRedemption)
                ?? throw new InvalidDataException($"Redemption '{id}' is stored as null.");
        }

        var single = document.RootElement.Deserialize(Default.Redemption)
            ?? throw new InvalidDataException($"Redemption '{id}' is stored as null.");
        return Redemptions.OrderRedemption.Of(single);
    }
}
