namespace Promotions.Analytics.Reports;

/// <summary>Codes issued in the range, redemptions made with a code (net of full reversals) and their ratio.</summary>
public sealed record CodesSummary(long Issued, long CodeRedemptions, decimal? RedemptionRate);
