namespace Promotions.Domain.Codes;

/// <summary>
/// A totally anti-symmetric quasigroup of order n, the table behind Damm's check-digit scheme generalized
/// to any charset size n it exists for: odd n, n divisible by 4, and 10.
/// </summary>
/// <remarks>
/// Every row and column is a permutation, so a single substitution always changes the running interim;
/// total anti-symmetry, (c∘x)∘y = (c∘y)∘x only when x = y, means an adjacent transposition does too.
/// For n = 2^k·m (m odd, k = 0 or k ≥ 2) the table is the direct product of x∘y = a·x + y over GF(2^k),
/// a the field's generator, and x∘y = 2x + y mod m; both are TA because a, a − 1 (resp. 2, 1) are units,
/// and a direct product of TA quasigroups is TA. No TA quasigroup of order 2 exists, so n ≡ 2 (mod 4)
/// has no product form; for 10 the table is Damm's published one, other such sizes are refused.
/// </remarks>
internal sealed class CheckQuasigroup
{
    public const int MaxOrder = 36;

    private static readonly CheckQuasigroup?[] Cache = new CheckQuasigroup?[MaxOrder + 1];

    private static readonly byte[] DammOrder10 =
    [
        0, 3, 1, 7, 5, 9, 8, 6, 4, 2,
        7, 0, 9, 2, 1, 5, 4, 8, 6, 3,
        4, 2, 0, 6, 8, 7, 1, 3, 5, 9,
        1, 7, 5, 0, 9, 8, 3, 4, 2, 6,
        6, 1, 2, 3, 0, 4, 5, 9, 7, 8,
        3, 6, 7, 4, 2, 0, 9, 5, 8, 1,
        5, 8, 6, 9, 7, 2, 0, 1, 3, 4,
        8, 9, 4, 5, 3, 6, 2, 0, 1, 7,
        9, 4, 3, 8, 6, 1, 7, 2, 0, 5,
        2, 5, 8, 1, 4, 3, 6, 7, 9, 0,
    ];

    // Irreducible polynomials of GF(2^k), indexed by k, for k = 2..5 (2^5 = 32 is the largest power of
    // two dividing an order up to 36).
    private static readonly int[] FieldPolynomials = [0, 0, 0b111, 0b1011, 0b10011, 0b100101];

    private readonly byte[] _table;
    private readonly byte[] _closer;

    private CheckQuasigroup(int order, byte[] table)
    {
        Order = order;
        _table = table;
        _closer = new byte[order];
        for (var interim = 0; interim < order; interim++)
        {
            for (var symbol = 0; symbol < order; symbol++)
            {
                if (table[(interim * order) + symbol] == 0)
                {
                    _closer[interim] = (byte)symbol;
                }
            }
        }
    }

    public int Order { get; }

    public static bool Supports(int order) =>
        order is >= 3 and <= MaxOrder && (order % 2 == 1 || order % 4 == 0 || order == 10);

    public static CheckQuasigroup For(int order)
    {
        if (!Supports(order))
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, "No check character for this charset size.");
        }

        // Building is idempotent, so a race only builds the same table twice.
        return Cache[order] ??= new CheckQuasigroup(order, order == 10 ? DammOrder10 : BuildProduct(order));
    }

    /// <summary>The interim after reading <paramref name="symbol"/> (a charset index).</summary>
    public int Step(int interim, int symbol) => _table[(interim * Order) + symbol];

    /// <summary>The symbol that brings <paramref name="interim"/> to 0: the check character.</summary>
    public int Closer(int interim) => _closer[interim];

    private static byte[] BuildProduct(int order)
    {
        var k = System.Numerics.BitOperations.TrailingZeroCount(order);
        var m = order >> k;
        var table = new byte[order * order];
        for (var x = 0; x < order; x++)
        {
            for (var y = 0; y < order; y++)
            {
                var field = TimesGenerator(x / m, k) ^ (y / m);
                var ring = ((2 * (x % m)) + (y % m)) % m;
                table[(x * order) + y] = (byte)((field * m) + ring);
            }
        }

        return table;
    }

    private static int TimesGenerator(int value, int k)
    {
        if (k == 0)
        {
            return 0;
        }

        var shifted = value << 1;
        return (shifted & (1 << k)) != 0 ? shifted ^ FieldPolynomials[k] : shifted;
    }
}
