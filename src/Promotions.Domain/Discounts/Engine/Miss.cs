namespace Promotions.Domain.Discounts.Engine;

/// <summary>Why an effect gave nothing: a <see cref="NotAppliedReasons"/> code, a message and an optional hint.</summary>
internal sealed record Miss(string Reason, string Message, string? Hint = null);
