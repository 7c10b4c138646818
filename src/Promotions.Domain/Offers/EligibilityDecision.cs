using Promotions.Domain.Rules;

namespace Promotions.Domain.Offers;

/// <summary>Whether a promotion applies to a request.</summary>
public enum EligibilityOutcome
{
    Eligible,

    /// <summary>Only a cart can settle it: every other condition holds or is undecided.</summary>
    NeedsCart,

    NotEligible,
}

/// <summary>
/// The decision on one promotion for one request: the outcome, the reason (<see cref="OfferReasons"/>) when
/// it is not eligible, a hint, the failing conditions and, when asked, the explanation of every rule.
/// </summary>
public sealed record EligibilityDecision(
    EligibilityOutcome Outcome,
    string? Reason,
    string? Hint,
    IReadOnlyList<FailedCondition> FailedConditions,
    IReadOnlyList<ConditionExplanation>? Explanations)
{
    public static EligibilityDecision Eligible(IReadOnlyList<ConditionExplanation>? explanations = null) =>
        new(EligibilityOutcome.Eligible, null, null, [], explanations);

    public static EligibilityDecision Rejected(string reason, string? hint = null) =>
        new(EligibilityOutcome.NotEligible, reason, hint, [], null);

    public bool IsEligible => Outcome == EligibilityOutcome.Eligible;

    /// <summary>The decision as a rejection of <paramref name="promotionId"/> (entered as <paramref name="code"/>, if any).</summary>
    public Rejection ToRejection(string promotionId, string? code = null) =>
        new(promotionId, code, Reason ?? OfferReasons.NotEligible, OfferReasons.Message(Reason ?? OfferReasons.NotEligible), Hint,
            FailedConditions.Count > 0 ? FailedConditions : null);
}
