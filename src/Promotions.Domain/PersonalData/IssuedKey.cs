namespace Promotions.Domain.PersonalData;

/// <summary>The data key values are sealed with now, with its precomputed header and how often it has been used.</summary>
internal sealed class IssuedKey(DataKey key, DateTimeOffset issuedAt)
{
    public DataKey Key { get; } = key;

    public byte[] Header { get; } = SealedValue.HeaderOf(key.KeyId, key.Wrapped);

    public DateTimeOffset IssuedAt { get; } = issuedAt;

    /// <summary>Values sealed with this key so far; changed only under the cache's lock.</summary>
    public int Uses { get; set; }
}
