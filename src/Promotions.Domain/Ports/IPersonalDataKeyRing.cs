using Promotions.Domain.PersonalData;

namespace Promotions.Domain.Ports;

/// <summary>
/// The keys of personal data: issues data keys wrapped by a key-encryption key, unwraps them again, and computes the
/// keyed hash that stored personal data is looked up by. Locally a key ring in the data directory, on AWS KMS; the
/// encryption with the data keys happens in process (<see cref="PersonalDataProtector"/>).
/// </summary>
public interface IPersonalDataKeyRing
{
    /// <summary>A fresh AES-256 data key, in plaintext and wrapped by the ring's current key-encryption key under <paramref name="context"/>.</summary>
    Task<DataKey> GenerateDataKeyAsync(IReadOnlyDictionary<string, string> context, CancellationToken ct);

    /// <summary>
    /// The plaintext of a data key that <see cref="GenerateDataKeyAsync"/> wrapped. Throws
    /// <see cref="System.Security.Cryptography.CryptographicException"/> when it does not open: another context, an
    /// unknown or wrong key-encryption key, or altered bytes.
    /// </summary>
    Task<byte[]> UnwrapDataKeyAsync(string keyId, byte[] wrapped, IReadOnlyDictionary<string, string> context, CancellationToken ct);

    /// <summary>HMAC-SHA-256 of <paramref name="message"/> under the ring's lookup key, which never changes for the life of the data.</summary>
    Task<byte[]> ComputeLookupMacAsync(byte[] message, CancellationToken ct);
}
