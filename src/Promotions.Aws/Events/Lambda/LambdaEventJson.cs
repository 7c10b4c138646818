using System.Text.Json.Serialization;

namespace Promotions.Aws.Events.Lambda;

/// <summary>The Lambda event shapes the relay reads, source-generated; members it does not bind are skipped.</summary>
[JsonSourceGenerationOptions(UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(StreamEvent))]
[JsonSerializable(typeof(ScheduledEvent))]
[JsonSerializable(typeof(Dictionary<string, System.Text.Json.JsonElement>))]
internal sealed partial class LambdaEventJson : JsonSerializerContext;
