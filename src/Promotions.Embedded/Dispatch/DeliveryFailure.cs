namespace Promotions.Embedded.Dispatch;

/// <summary>One consumer's failure on one event in a dispatch pass: it threw, or refused the envelope as malformed.</summary>
internal sealed record DeliveryFailure(string EventId, string Type, string Consumer, string Error);
