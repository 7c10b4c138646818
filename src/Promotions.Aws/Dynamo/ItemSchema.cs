using System.Text.Json.Serialization.Metadata;
using Amazon.DynamoDBv2.Model;

namespace Promotions.Aws.Dynamo;

/// <summary>
/// How one versioned entity is kept in the main table: <c>&lt;Prefix&gt;&lt;id&gt;</c> / <c>#META</c>, listed in
/// <c>gsi1</c> under <paramref name="ListPartition"/> by id, its JSON in <c>doc</c>, its <c>version</c>, and the
/// attributes its filters and indexes need (null ones are left out, so sparse indexes stay sparse).
/// </summary>
internal sealed record ItemSchema<T>(
    string Prefix,
    string ListPartition,
    JsonTypeInfo<T> Json,
    Func<T, string> Id,
    Func<T, long> Version,
    Func<T, long, T> WithVersion,
    Func<T, IEnumerable<KeyValuePair<string, AttributeValue?>>>? Attributes = null);
