namespace Promotions.Domain.Campaigns;

/// <summary>Where a paced campaign's spend stands against its pace (<see cref="Pace.Decide"/>).</summary>
public enum PaceState
{
    /// <summary>At or under the pace line: a paced campaign may resume.</summary>
    Behind,

    /// <summary>Over the line but within the tolerance: nothing changes.</summary>
    OnPace,

    /// <summary>Past the line and its tolerance (daily: today's allowance is spent): the campaign is paced.</summary>
    Ahead,
}
