using System.Text.Json.Serialization;

namespace Promotions.Embedded.Outbox;

/// <summary>Id lists bound as one JSON parameter (read back with <c>json_each</c>).</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class OutboxJson : JsonSerializerContext;
