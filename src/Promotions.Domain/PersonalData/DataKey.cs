namespace Promotions.Domain.PersonalData;

/// <summary>
/// A data key as a key ring issues it: <paramref name="Plaintext"/> (32 bytes, kept only in memory) and
/// <paramref name="Wrapped"/> (stored beside what it encrypts), wrapped by the key-encryption key <paramref name="KeyId"/>.
/// </summary>
public sealed record DataKey(string KeyId, byte[] Plaintext, byte[] Wrapped);
