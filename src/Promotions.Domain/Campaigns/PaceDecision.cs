namespace Promotions.Domain.Campaigns;

/// <summary>A campaign's pace at an instant: where its spend stands, the pace line (what it may have spent by now) and the spend.</summary>
public sealed record PaceDecision(PaceState State, decimal Line, decimal Spent);
