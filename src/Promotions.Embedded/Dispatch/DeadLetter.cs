namespace Promotions.Embedded.Dispatch;

/// <summary>An event the relay stopped delivering to <paramref name="Consumer"/> after <paramref name="Attempts"/> failures.</summary>
/// <param name="LastError">The last failure: the exception's type and message, or the consumer's refusal.</param>
public sealed record DeadLetter(string EventId, string Type, string Consumer, int Attempts, string LastError, DateTimeOffset ParkedAt);
