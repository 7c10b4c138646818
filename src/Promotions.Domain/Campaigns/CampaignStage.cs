namespace Promotions.Domain.Campaigns;

/// <summary>
/// A stage of a campaign's plan, by its position and name: the stage the campaign is in (set when the plan's step
/// applies it), and the stage a redemption was recorded in (copied from the campaign at checkout), which Analytics
/// counts by.
/// </summary>
/// <param name="Index">The stage's position in its plan, from 0.</param>
/// <param name="Name">The stage's name in its plan.</param>
public sealed record CampaignStage(int Index, string Name);
