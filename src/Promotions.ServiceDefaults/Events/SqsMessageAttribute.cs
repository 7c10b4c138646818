using System.Text.Json.Serialization;

namespace Promotions.ServiceDefaults.Events;

/// <summary>A message attribute as the SQS event gives it; only string values are read.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record SqsMessageAttribute(string? StringValue = null, string? DataType = null);
