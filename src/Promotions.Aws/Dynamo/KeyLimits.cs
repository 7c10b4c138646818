using System.Text;

namespace Promotions.Aws.Dynamo;

/// <summary>
/// DynamoDB refuses a key attribute longer than its limit with a validation error. Ids and cursors come from clients,
/// so a read checks them first: no stored item has a key that long, and the answer is "none", not an error.
/// </summary>
internal static class KeyLimits
{
    public const int PartitionKeyBytes = 2048;
    public const int SortKeyBytes = 1024;

    /// <summary>Whether an item can have <paramref name="value"/> as its partition key.</summary>
    public static bool FitsPartitionKey(string value) => Encoding.UTF8.GetByteCount(value) <= PartitionKeyBytes;

    /// <summary>
    /// A lower bound for <c>sk &gt; :after</c> that DynamoDB accepts and that keeps the same keys: a cursor longer than
    /// any key is cut to the limit, and every stored key (far shorter) compares the same with the cut one.
    /// </summary>
    public static string? SortKeyBound(string? after)
    {
        if (after is null || Encoding.UTF8.GetByteCount(after) <= SortKeyBytes)
        {
            return after;
        }

        var length = after.Length;
        while (Encoding.UTF8.GetByteCount(after.AsSpan(0, length)) > SortKeyBytes)
        {
            length--;
        }

        // Never cut a surrogate pair in half: the bound must stay valid text.
        return char.IsHighSurrogate(after[length - 1]) ? after[..(length - 1)] : after[..length];
    }
}
