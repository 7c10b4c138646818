using System.Text.Json.Serialization;

namespace Promotions.Aws.Search;

/// <summary>The stored form of search documents, in the shape of every other document (camelCase, enums by name).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(SearchDocument))]
internal sealed partial class SearchJson : JsonSerializerContext;
