using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Promotions.Domain.Common;

/// <summary>
/// Entity ids: a short type prefix, then 26 Crockford base-32 characters — 48 bits of milliseconds
/// followed by 80 random bits (the ULID layout) — so ids sort by creation time, which is what cursor
/// pagination orders by, and never collide across processes.
/// </summary>
public static class Ids
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A new id such as <c>cmp_01JD3W5Q7X9G8K2M4N6P8R0T2V</c>.</summary>
    public static string New(string prefix, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(clock);
        Span<byte> random = stackalloc byte[10];
        RandomNumberGenerator.Fill(random);
        var ms = (ulong)clock.GetUtcNow().ToUnixTimeMilliseconds() & 0xFFFF_FFFF_FFFFUL;
        var high = (ms << 16) | BinaryPrimitives.ReadUInt16BigEndian(random);
        var low = BinaryPrimitives.ReadUInt64BigEndian(random[2..]);
        var value = new UInt128(high, low);

        Span<char> body = stackalloc char[26];
        for (var i = 25; i >= 0; i--)
        {
            body[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return string.Concat(prefix, "_", body);
    }
}
