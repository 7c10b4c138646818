using System.Text.Json.Serialization;
using Promotions.Domain.Redemptions;

namespace Promotions.Embedded.Redemptions;

/// <summary>Redemption and reversal documents (camelCase, enums by name, derived properties left out), and key lists.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(Redemption))]
[JsonSerializable(typeof(Reversal))]
[JsonSerializable(typeof(IEnumerable<string>))]
internal sealed partial class LedgerJson : JsonSerializerContext;
