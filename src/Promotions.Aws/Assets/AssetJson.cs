using System.Text.Json.Serialization;
using Promotions.Domain.Assets;

namespace Promotions.Aws.Assets;

/// <summary>The asset document in <c>doc</c>: the same System.Text.Json shape as the embedded store's.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(Asset))]
internal sealed partial class AssetJson : JsonSerializerContext;
