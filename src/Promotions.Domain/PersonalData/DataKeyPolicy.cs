namespace Promotions.Domain.PersonalData;

/// <summary>
/// How long data keys are reused, so that not every write asks the key ring for a key nor every read for an unwrap:
/// a data key encrypts at most <paramref name="MaxUses"/> values for at most <paramref name="MaxAge"/>, and an unwrapped
/// data key is kept for reading for at most <paramref name="OpenedKeyAge"/>, up to <paramref name="OpenedKeyCapacity"/> keys.
/// </summary>
public sealed record DataKeyPolicy(int MaxUses, TimeSpan MaxAge, int OpenedKeyCapacity, TimeSpan OpenedKeyAge)
{
    /// <summary>
    /// 100,000 values or one hour per data key; at most 4,096 unwrapped keys, each for an hour. With a random 96-bit
    /// nonce per value, AES-GCM stays far inside its bound (2^32 values per key); a leaked data key exposes at most
    /// one hour of one process's writes, and a key-encryption key withdrawn from a process stops working for it within the hour.
    /// </summary>
    public static DataKeyPolicy Default { get; } = new(100_000, TimeSpan.FromHours(1), 4096, TimeSpan.FromHours(1));
}
