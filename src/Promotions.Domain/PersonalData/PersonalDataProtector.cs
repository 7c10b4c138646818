using System.Security.Cryptography;
using Promotions.Domain.Ports;

namespace Promotions.Domain.PersonalData;

/// <summary>
/// Field-level envelope encryption of personal data, the same for every adapter set: a value is sealed with AES-256-GCM
/// under a data key (random 96-bit nonce; the field's purpose and the record's id as associated data, so a sealed value
/// opens only where it was written), and the data key is stored with it, wrapped by the key ring's key-encryption key
/// (<see cref="SealedValue"/>). Data keys are reused within a <see cref="DataKeyPolicy"/>, so most writes and reads never
/// reach the key ring. Also computes the keyed hashes that personal data is looked up by.
/// </summary>
public sealed class PersonalDataProtector
{
    /// <summary>The encryption context of every data key: a data key issued for personal data unwraps only as such.</summary>
    public static IReadOnlyDictionary<string, string> Context { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["purpose"] = "promotions-personal-data",
    };

    private readonly IPersonalDataKeyRing _keys;
    private readonly DataKeyCache _cache;

    public PersonalDataProtector(IPersonalDataKeyRing keys, TimeProvider clock, DataKeyPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(clock);
        policy ??= DataKeyPolicy.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(policy.MaxUses, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(policy.OpenedKeyCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(policy.MaxAge, TimeSpan.Zero);
        _keys = keys;
        _cache = new DataKeyCache(keys, clock, policy, Context);
    }

    /// <summary>
    /// <paramref name="value"/> sealed for the field <paramref name="purpose"/> of the record <paramref name="recordId"/>;
    /// null stays null. Throws <see cref="ArgumentException"/> for a string that is not valid UTF-16 (a lone surrogate).
    /// </summary>
    public async Task<string?> SealAsync(string? value, string purpose, string recordId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        ArgumentException.ThrowIfNullOrEmpty(recordId);
        if (value is null)
        {
            return null;
        }

        byte[] plaintext;
        try
        {
            plaintext = SealedValue.Strict.GetBytes(value);
        }
        catch (System.Text.EncoderFallbackException e)
        {
            throw new ArgumentException($"The {purpose} of {recordId} is not valid UTF-16 text.", nameof(value), e);
        }

        var key = await _cache.SealingKeyAsync(ct);
        var nonce = RandomNumberGenerator.GetBytes(SealedValue.NonceSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[SealedValue.TagSize];
        using (var aes = new AesGcm(key.Key.Plaintext, SealedValue.TagSize))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag, SealedValue.AssociatedData(purpose, recordId, key.Header));
        }

        return SealedValue.Format(key.Header, nonce, ciphertext, tag);
    }

    /// <summary>
    /// The value <see cref="SealAsync"/> sealed for this field and record; null stays null. Throws
    /// <see cref="CryptographicException"/> when it does not open: altered, moved from another field or record, or
    /// sealed under a key this ring does not have.
    /// </summary>
    public async Task<string?> OpenAsync(string? stored, string purpose, string recordId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        ArgumentException.ThrowIfNullOrEmpty(recordId);
        if (stored is null)
        {
            return null;
        }

        try
        {
            var sealedValue = SealedValue.Parse(stored);
            var key = await _cache.OpenedKeyAsync(sealedValue.KeyId, sealedValue.Wrapped, ct);
            var plaintext = new byte[sealedValue.Ciphertext.Length];
            using (var aes = new AesGcm(key, SealedValue.TagSize))
            {
                aes.Decrypt(sealedValue.Nonce, sealedValue.Ciphertext, sealedValue.Tag, plaintext,
                    SealedValue.AssociatedData(purpose, recordId, sealedValue.Header));
            }

            return SealedValue.Strict.GetString(plaintext);
        }
        catch (CryptographicException e)
        {
            throw new CryptographicException($"The {purpose} of {recordId} does not open: {e.Message}", e);
        }
    }

    /// <summary>
    /// The keyed hash (HMAC-SHA-256 under the ring's lookup key, lower-case hex) of an already normalized value: equal
    /// values give equal keys, and without the lookup key no one can tell which value a key stands for.
    /// </summary>
    public async Task<string> LookupKeyAsync(string normalized, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var mac = await _keys.ComputeLookupMacAsync(SealedValue.Strict.GetBytes(normalized), ct);
        return Convert.ToHexStringLower(mac);
    }
}
