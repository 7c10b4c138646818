using Amazon.DynamoDBv2.Model;
using Promotions.Domain.Events;

namespace Promotions.Aws.Events;

/// <summary>A page of pending outbox events: those that read as events, the keys of those that do not, and where the next page starts.</summary>
internal sealed record PendingPage(IReadOnlyList<OutboxMessage> Messages, IReadOnlyList<string> Unreadable, Dictionary<string, AttributeValue>? Next);
