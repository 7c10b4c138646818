using System.Security.Cryptography;

namespace Promotions.Domain.Codes;

/// <summary>
/// Uniform random indexes below n (n ≤ 256) from the operating system's cryptographic generator.
/// Bytes are fetched a block at a time, since one call per character would dominate generation.
/// </summary>
/// <remarks>
/// A byte taken modulo n favours the low values when n does not divide 256 (for n = 28, values 0–3 would
/// come up 10/256 of the time instead of 9/256), so bytes at or above the largest multiple of n are thrown
/// away and the next one is used: rejection sampling, exactly uniform. Not thread-safe.
/// </remarks>
internal sealed class RandomIndexSource
{
    private const int BlockSize = 8192;

    private readonly byte[] _block = new byte[BlockSize];
    private int _next = BlockSize;

    public int Next(int n)
    {
        var limit = 256 - (256 % n);
        while (true)
        {
            if (_next == BlockSize)
            {
                RandomNumberGenerator.Fill(_block);
                _next = 0;
            }

            int value = _block[_next++];
            if (value < limit)
            {
                return value % n;
            }
        }
    }
}
