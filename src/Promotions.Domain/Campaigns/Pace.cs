namespace Promotions.Domain.Campaigns;

/// <summary>
/// Budget pacing, decided as a pure function of the campaign, what its budget has spent (the ledger's counter, holds
/// included) and the instant, so a late or repeated tick decides the same as a punctual one.
/// </summary>
public static class Pace
{
    /// <summary>
    /// Null when the campaign has no paced budget (or, for even pacing, no window). <b>Even</b>: the line is the budget
    /// times the elapsed fraction of the window; the spend is <see cref="PaceState.Ahead"/> past the line plus
    /// <c>tolerance</c> × budget and <see cref="PaceState.Behind"/> at or under the line, so a paced campaign resumes
    /// only once the line has caught up with its spend (the tolerance is the band that keeps it from flapping).
    /// <b>Daily</b>: the line is the daily amount times the UTC days begun since the start day (what a day leaves
    /// unspent carries over), capped at the budget; <see cref="PaceState.Ahead"/> once the spend reaches it.
    /// </summary>
    public static PaceDecision? Decide(Campaign campaign, decimal spent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (campaign.Budget is not { Pacing: { } pacing } budget)
        {
            return null;
        }

        if (pacing.Mode == PacingMode.Daily)
        {
            var start = (campaign.StartsAt ?? campaign.CreatedAt).UtcDateTime.Date;
            var days = Math.Max(0, (now.UtcDateTime.Date - start).Days) + 1;
            var line = Math.Min(budget.Amount, (pacing.Amount ?? budget.Amount) * days);
            return new PaceDecision(spent >= line ? PaceState.Ahead : PaceState.Behind, line, spent);
        }

        if (campaign is not { StartsAt: { } from, EndsAt: { } to } || to <= from)
        {
            return null;
        }

        var elapsed = (decimal)Math.Clamp((now - from) / (to - from), 0d, 1d);
        var even = budget.Amount * elapsed;
        var state = spent > even + ((pacing.Tolerance ?? 0m) * budget.Amount) ? PaceState.Ahead
            : spent <= even ? PaceState.Behind
            : PaceState.OnPace;
        return new PaceDecision(state, even, spent);
    }
}
