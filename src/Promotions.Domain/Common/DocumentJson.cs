using System.Text.Json.Serialization;
using Promotions.Domain.Assets;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Codes;
using Promotions.Domain.Customers;
using Promotions.Domain.Plans;
using Promotions.Domain.Promotions;
using Promotions.Domain.Segments;

namespace Promotions.Domain.Common;

/// <summary>
/// How entities are stored as documents, by every adapter set (a SQLite <c>doc</c> column, a DynamoDB <c>doc</c>
/// attribute), so both keep the same shape: camelCase, enums by name, computed properties left out (they are derived
/// again on read). JsonElement members (attributes, conditions, effects) are written as the JSON they hold, number
/// texts included.
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
[JsonSerializable(typeof(StepRecord))]
[JsonSerializable(typeof(DistributionProgress))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
public sealed partial class DocumentJson : JsonSerializerContext;
