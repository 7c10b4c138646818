namespace Promotions.Domain.Offers.Input;

/// <summary>The bounds of offer and quote requests; documented in docs/offers-and-validation.md.</summary>
public static class InputLimits
{
    public const int MaxLines = 500;
    public const int MaxQuantity = 10_000;
    public const int MaxCodes = 10;
    public const int MaxSegmentIds = 100;
    public const int MaxHistoryItems = 1_000;
    public const int MaxTextLength = 200;
}
