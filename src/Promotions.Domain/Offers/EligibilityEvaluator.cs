using Promotions.Domain.Rules;

namespace Promotions.Domain.Offers;

/// <summary>
/// Decides whether a live promotion applies to a request: its channels, its and its campaign's windows at the
/// request's instant, its usage when the request carries the ledger's counters, then every rule. Rules are only explained (every node evaluated, values recorded) when
/// asked to, or when they fail and the failure needs reasons and hints.
/// </summary>
public static class EligibilityEvaluator
{
    public static EligibilityDecision Evaluate(LivePromotion promotion, EligibilityRequest request, bool explain = false)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        ArgumentNullException.ThrowIfNull(request);
        var channels = promotion.Promotion.Channels;
        if (channels.Count > 0 && !channels.Contains(request.Channel, StringComparer.Ordinal))
        {
            return EligibilityDecision.Rejected(OfferReasons.WrongChannel, QualifyHints.AvailableOn(channels));
        }

        // The snapshot was live when loaded; the request's own instant decides at the edges of a window.
        if (PromotionAvailability.Check(promotion.Promotion, promotion.Campaign, request.Now) is not null)
        {
            return EligibilityDecision.Rejected(OfferReasons.PromotionNotActive);
        }

        if (request.Usage is { } usage && UsageLimits.Check(promotion, usage, request.Customer.Id, request.Now) is { } used)
        {
            return EligibilityDecision.Rejected(used);
        }

        var rules = promotion.Compiled.Rules;
        if (!explain && AllHold(rules, request.Context))
        {
            return EligibilityDecision.Eligible();
        }

        var explanations = rules.Select(r => r.Explain(request.Context)).ToArray();
        var hasCart = request.Cart is not null;
        var kept = explain ? explanations : null;
        return ConditionTrace.Judge(explanations, hasCart) switch
        {
            Truth.True => EligibilityDecision.Eligible(kept),
            Truth.Unknown => new EligibilityDecision(EligibilityOutcome.NeedsCart, OfferReasons.NeedsCart, null, [], kept),
            _ => NotEligible(promotion.Compiled, explanations, request, kept),
        };
    }

    private static bool AllHold(IReadOnlyList<CompiledCondition> rules, EvaluationContext context)
    {
        foreach (var rule in rules)
        {
            if (!rule.Evaluate(context))
            {
                return false;
            }
        }

        return true;
    }

    private static EligibilityDecision NotEligible(
        CompiledPromotion compiled,
        IReadOnlyList<ConditionExplanation> explanations,
        EligibilityRequest request,
        IReadOnlyList<ConditionExplanation>? kept)
    {
        var failed = ConditionTrace.Failures(explanations, request.Cart is not null)
            .Select(f => ToFailed(compiled, f.Leaf, f.Negated, request))
            .ToArray();
        var hint = failed.Select(static f => f.Hint).FirstOrDefault(static h => h is not null);
        return new EligibilityDecision(EligibilityOutcome.NotEligible, OfferReasons.NotEligible, hint, failed, kept);
    }

    private static FailedCondition ToFailed(CompiledPromotion compiled, ConditionExplanation leaf, bool negated, EligibilityRequest request)
    {
        var hint = !negated && compiled.Leaves.TryGetValue(leaf.Path, out var condition)
            ? QualifyHints.For(condition, leaf.Actual, request.Cart)
            : null;
        var op = negated ? "not " + leaf.Operator : leaf.Operator;
        return new FailedCondition(leaf.Path, leaf.Fact, op, leaf.Expected, leaf.Actual, hint);
    }
}
