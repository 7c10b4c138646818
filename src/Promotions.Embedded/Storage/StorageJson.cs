using System.Text.Json.Serialization;
using Promotions.Domain.Assets;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Codes;
using Promotions.Domain.Customers;
using Promotions.Domain.Promotions;
using Promotions.Domain.Segments;

namespace Promotions.Embedded.Storage;

/// <summary>
/// How documents are stored: camelCase, enums by name, computed properties left out (they are derived
/// again on read). JsonElement members (attributes, conditions, effects) are written as the JSON they hold.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(Campaign))]
[JsonSerializable(typeof(CampaignType))]
[JsonSerializable(typeof(Promotion))]
[JsonSerializable(typeof(Segment))]
[JsonSerializable(typeof(Customer))]
[JsonSerializable(typeof(CodeJob))]
[JsonSerializable(typeof(Asset))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class StorageJson : JsonSerializerContext;
