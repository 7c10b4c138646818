using Promotions.Domain.Analytics;

namespace Promotions.Aws.Analytics;

/// <summary>
/// What two joined facts add together (a reversal in its redemption's channel and segments; a code batch in
/// its promotion's campaign), under an id both sides compute the same, so the pair is claimed once.
/// </summary>
internal sealed record JoinedPair(string Id, IReadOnlyList<Contribution> Contributions);
