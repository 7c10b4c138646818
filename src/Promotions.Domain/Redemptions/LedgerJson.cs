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
[JsonSerializable(typeof(Reversal))]
public sealed partial class LedgerJson : JsonSerializerContext;
