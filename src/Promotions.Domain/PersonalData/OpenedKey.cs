namespace Promotions.Domain.PersonalData;

/// <summary>An unwrapped data key (or the request for it) and when it was asked for.</summary>
internal sealed record OpenedKey(Task<byte[]> Key, DateTimeOffset At);
