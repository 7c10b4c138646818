namespace Promotions.Embedded.Dispatch;

/// <summary>What one pass did: events read from the outbox and events every consumer accepted (and so marked).</summary>
internal sealed record DispatchResult(int Read, int Delivered);
