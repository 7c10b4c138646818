using System.Security.Cryptography;
using System.Text;
using Promotions.Domain.PersonalData;
using Promotions.Domain.Ports;

namespace Promotions.Domain.Tests.PersonalData;

/// <summary>
/// A key ring in memory that really wraps (AES-GCM under its key-encryption keys, the context as associated data) and
/// counts what it is asked, so the protector's reuse of data keys can be measured; it can rotate and fail an unwrap once.
/// </summary>
internal sealed class CountingKeyRing : IPersonalDataKeyRing
{
    private readonly Dictionary<string, byte[]> _keks = new(StringComparer.Ordinal);
    private int _generated;
    private int _unwrapped;
    private int _failNext;

    public CountingKeyRing() => Rotate();

    public byte[] LookupKey { get; } = RandomNumberGenerator.GetBytes(32);

    public string CurrentKeyId { get; private set; } = "";

    public int Generated => Volatile.Read(ref _generated);

    public int Unwrapped => Volatile.Read(ref _unwrapped);

    public string Rotate()
    {
        lock (_keks)
        {
            CurrentKeyId = $"test-kek-{_keks.Count + 1}";
            _keks[CurrentKeyId] = RandomNumberGenerator.GetBytes(32);
            return CurrentKeyId;
        }
    }

    public void FailNextUnwrap() => Interlocked.Exchange(ref _failNext, 1);

    public Task<DataKey> GenerateDataKeyAsync(IReadOnlyDictionary<string, string> context, CancellationToken ct)
    {
        Interlocked.Increment(ref _generated);
        string id;
        byte[] kek;
        lock (_keks)
        {
            id = CurrentKeyId;
            kek = _keks[id];
        }

        var plaintext = RandomNumberGenerator.GetBytes(32);
        var wrapped = new byte[12 + 32 + 16];
        RandomNumberGenerator.Fill(wrapped.AsSpan(0, 12));
        using var aes = new AesGcm(kek, 16);
        aes.Encrypt(wrapped.AsSpan(0, 12), plaintext, wrapped.AsSpan(12, 32), wrapped.AsSpan(44), Aad(context));
        return Task.FromResult(new DataKey(id, plaintext, wrapped));
    }

    public Task<byte[]> UnwrapDataKeyAsync(string keyId, byte[] wrapped, IReadOnlyDictionary<string, string> context, CancellationToken ct)
    {
        Interlocked.Increment(ref _unwrapped);
        if (Interlocked.Exchange(ref _failNext, 0) == 1)
        {
            throw new TimeoutException("The key service did not answer.");
        }

        byte[]? kek;
        lock (_keks)
        {
            kek = _keks.GetValueOrDefault(keyId);
        }

        if (kek is null || wrapped.Length != 60)
        {
            throw new CryptographicException($"No key {keyId}.");
        }

        var plaintext = new byte[32];
        using var aes = new AesGcm(kek, 16);
        aes.Decrypt(wrapped.AsSpan(0, 12), wrapped.AsSpan(12, 32), wrapped.AsSpan(44), plaintext, Aad(context));
        return Task.FromResult(plaintext);
    }

    public Task<byte[]> ComputeLookupMacAsync(byte[] message, CancellationToken ct) => Task.FromResult(HMACSHA256.HashData(LookupKey, message));

    private static byte[] Aad(IReadOnlyDictionary<string, string> context) =>
        Encoding.UTF8.GetBytes(string.Join("\n", context.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + "=" + e.Value)));
}
