using System.Numerics;
using System.Security.Cryptography;

namespace Promotions.Aws.Tests.Support;

/// <summary>
/// The full private key (with the primes .NET requires) from the modulus and the two exponents alone, by the
/// standard factoring of n from e·d − 1 (Boneh, "Twenty years of attacks on RSA", fact 1).
/// </summary>
internal static class RsaPrivateKey
{
    public static RSAParameters FromModulusAndExponents(byte[] modulus, byte[] publicExponent, byte[] privateExponent)
    {
        var n = Unsigned(modulus);
        var e = Unsigned(publicExponent);
        var d = Unsigned(privateExponent);
        var p = FindFactor(n, e, d);
        var q = n / p;
        var half = modulus.Length / 2;
        return new RSAParameters
        {
            Modulus = modulus,
            Exponent = publicExponent,
            D = Bytes(d, modulus.Length),
            P = Bytes(p, half),
            Q = Bytes(q, half),
            DP = Bytes(d % (p - 1), half),
            DQ = Bytes(d % (q - 1), half),
            InverseQ = Bytes(BigInteger.ModPow(q, p - 2, p), half),
        };
    }

    private static BigInteger FindFactor(BigInteger n, BigInteger e, BigInteger d)
    {
        var k = (d * e) - 1;
        var t = k;
        var s = 0;
        while (t.IsEven)
        {
            t /= 2;
            s++;
        }

        for (BigInteger g = 2; g < 1000; g++)
        {
            var x = BigInteger.ModPow(g, t, n);
            for (var i = 0; i < s; i++)
            {
                var y = BigInteger.ModPow(x, 2, n);
                if (y.IsOne && !x.IsOne && x != n - 1)
                {
                    return BigInteger.GreatestCommonDivisor(x - 1, n);
                }

                x = y;
            }
        }

        throw new InvalidOperationException("The key's modulus could not be factored from its exponents.");
    }

    private static BigInteger Unsigned(byte[] bigEndian) => new(bigEndian, isUnsigned: true, isBigEndian: true);

    private static byte[] Bytes(BigInteger value, int length)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (bytes.Length == length)
        {
            return bytes;
        }

        var padded = new byte[length];
        bytes.CopyTo(padded, length - bytes.Length);
        return padded;
    }
}
