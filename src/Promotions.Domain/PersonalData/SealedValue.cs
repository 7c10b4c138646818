using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Promotions.Domain.PersonalData;

/// <summary>
/// The stored form of one encrypted value, version 1: <c>pd1.</c> and then, base64url without padding,
/// <c>keyIdLength (1 byte) · keyId (UTF-8) · wrappedLength (2 bytes, big-endian) · wrapped data key · nonce (12) ·
/// ciphertext · tag (16)</c>. It names everything a reader needs (the key-encryption key and the wrapped data key),
/// so keys can rotate and every value stays readable; a new layout gets a new prefix.
/// </summary>
internal sealed class SealedValue
{
    public const string Prefix = "pd1.";
    public const int NonceSize = 12;
    public const int TagSize = 16;

    private static readonly byte[] Version = "pd1"u8.ToArray();

    private SealedValue(byte[] header, string keyId, byte[] wrapped, byte[] nonce, byte[] ciphertext, byte[] tag)
    {
        Header = header;
        KeyId = keyId;
        Wrapped = wrapped;
        Nonce = nonce;
        Ciphertext = ciphertext;
        Tag = tag;
    }

    /// <summary>The bytes before the nonce: key id and wrapped data key.</summary>
    public byte[] Header { get; }

    public string KeyId { get; }

    public byte[] Wrapped { get; }

    public byte[] Nonce { get; }

    public byte[] Ciphertext { get; }

    public byte[] Tag { get; }

    /// <summary>The header of every value sealed with one data key.</summary>
    public static byte[] HeaderOf(string keyId, byte[] wrapped)
    {
        var id = Encoding.UTF8.GetBytes(keyId);
        if (id.Length is 0 or > byte.MaxValue || wrapped.Length is 0 or > ushort.MaxValue)
        {
            throw new ArgumentException($"A key id of 1 to 255 bytes and a wrapped key of 1 to 65535 bytes are needed (got {id.Length} and {wrapped.Length}).");
        }

        var header = new byte[1 + id.Length + 2 + wrapped.Length];
        header[0] = (byte)id.Length;
        id.CopyTo(header, 1);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(1 + id.Length), (ushort)wrapped.Length);
        wrapped.CopyTo(header, 3 + id.Length);
        return header;
    }

    /// <summary>
    /// What the tag also covers: the format version, the field's purpose and the record's id (so a value moved to another
    /// field or record does not open), and the header (so the key names cannot be swapped unnoticed).
    /// </summary>
    public static byte[] AssociatedData(string purpose, string recordId, byte[] header)
    {
        var purposeBytes = Encoding.UTF8.GetBytes(purpose);
        var recordBytes = Encoding.UTF8.GetBytes(recordId);
        var data = new byte[Version.Length + 4 + purposeBytes.Length + 4 + recordBytes.Length + header.Length];
        var span = data.AsSpan();
        Version.CopyTo(span);
        span = span[Version.Length..];
        BinaryPrimitives.WriteInt32BigEndian(span, purposeBytes.Length);
        purposeBytes.CopyTo(span[4..]);
        span = span[(4 + purposeBytes.Length)..];
        BinaryPrimitives.WriteInt32BigEndian(span, recordBytes.Length);
        recordBytes.CopyTo(span[4..]);
        header.CopyTo(span[(4 + recordBytes.Length)..]);
        return data;
    }

    public static string Format(byte[] header, byte[] nonce, byte[] ciphertext, byte[] tag)
    {
        var bytes = new byte[header.Length + nonce.Length + ciphertext.Length + tag.Length];
        header.CopyTo(bytes, 0);
        nonce.CopyTo(bytes, header.Length);
        ciphertext.CopyTo(bytes, header.Length + nonce.Length);
        tag.CopyTo(bytes, header.Length + nonce.Length + ciphertext.Length);
        return Prefix + Base64Url.EncodeToString(bytes);
    }

    /// <summary>The parts of a stored value; <see cref="CryptographicException"/> when it is not one (altered, cut, or never sealed).</summary>
    public static SealedValue Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new CryptographicException("The stored value is not sealed personal data (no pd1. prefix).");
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(text.AsSpan(Prefix.Length));
        }
        catch (FormatException e)
        {
            throw new CryptographicException("The stored value is not valid base64url.", e);
        }

        var idLength = bytes.Length > 0 ? bytes[0] : 0;
        if (idLength == 0 || bytes.Length < 1 + idLength + 2)
        {
            throw new CryptographicException("The stored value is cut short.");
        }

        var wrappedLength = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(1 + idLength));
        var headerLength = 3 + idLength + wrappedLength;
        if (wrappedLength == 0 || bytes.Length < headerLength + NonceSize + TagSize)
        {
            throw new CryptographicException("The stored value is cut short.");
        }

        string keyId;
        try
        {
            keyId = Strict.GetString(bytes, 1, idLength);
        }
        catch (DecoderFallbackException e)
        {
            throw new CryptographicException("The stored value's key id is not UTF-8.", e);
        }

        var ciphertextLength = bytes.Length - headerLength - NonceSize - TagSize;
        return new SealedValue(
            bytes[..headerLength],
            keyId,
            bytes[(3 + idLength)..headerLength],
            bytes[headerLength..(headerLength + NonceSize)],
            bytes[(headerLength + NonceSize)..(headerLength + NonceSize + ciphertextLength)],
            bytes[^TagSize..]);
    }

    /// <summary>UTF-8 that refuses what it cannot encode or decode exactly (lone surrogates, invalid bytes) instead of replacing it.</summary>
    public static Encoding Strict { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
