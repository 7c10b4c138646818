using System.Security.Cryptography;

namespace Promotions.Domain.Codes;

/// <summary>
/// Uniform random indexes below n (2 ≤ n ≤ 255) from the operating system's cryptographic generator.
/// Bytes are fetched a block at a time, since one call per character would dominate generation.
/// </summary>
/// <remarks>
/// A byte taken modulo n favours the low values when n does not divide 256 (for n = 28, values 0–3 would
/// come up 10/256 of the time instead of 9/256), so bytes at or above the largest multiple of n are thrown
/// away and the next one is used: rejection sampling, exactly uniform. The byte → index mapping is a
/// 256-entry table per n, because two divisions per character were a third of the generation time.
/// Not thread-safe.
/// </remarks>
internal sealed class RandomIndexSource
{
    private const int BlockSize = 8192;
    private const byte Rejected = byte.MaxValue;

    private static readonly byte[]?[] Maps = new byte[]?[Rejected];

    private readonly byte[] _block = new byte[BlockSize];
    private int _next = BlockSize;

    /// <summary>The 256-entry byte → index table for n; <see cref="Next(byte[])"/> draws through it.</summary>
    public static byte[] MapFor(int n) => Maps[n] ??= Map(n);

    public int Next(int n) => Next(MapFor(n));

    public int Next(byte[] map)
    {
        while (true)
        {
            if (_next == BlockSize)
            {
                RandomNumberGenerator.Fill(_block);
                _next = 0;
            }

            var index = map[_block[_next++]];
            if (index != Rejected)
            {
                return index;
            }
        }
    }

    private static byte[] Map(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 2);
        var limit = 256 - (256 % n);
        var map = new byte[256];
        for (var b = 0; b < 256; b++)
        {
            map[b] = b < limit ? (byte)(b % n) : Rejected;
        }

        return map;
    }
}
