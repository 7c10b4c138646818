namespace Promotions.Domain.Codes;

/// <summary>What every code store checks of a batch before it stores it.</summary>
public static class CodeBatch
{
    /// <summary>
    /// The one promotion all of <paramref name="codes"/> belong to (a batch is one job's, and a job is one
    /// promotion's); null for an empty batch. Codes of several promotions in one batch are a bug in the caller.
    /// </summary>
    public static string? PromotionOf(IReadOnlyList<PromoCode> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.Count == 0)
        {
            return null;
        }

        var promotionId = codes[0].PromotionId;
        for (var i = 1; i < codes.Count; i++)
        {
            if (!string.Equals(codes[i].PromotionId, promotionId, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"A batch holds codes of promotions '{promotionId}' and '{codes[i].PromotionId}'; insert each promotion's codes separately.",
                    nameof(codes));
            }
        }

        return promotionId;
    }
}
