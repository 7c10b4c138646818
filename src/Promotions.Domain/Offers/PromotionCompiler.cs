using System.Collections.Frozen;
using Promotions.Domain.Common;
using Promotions.Domain.Discounts;
using Promotions.Domain.Promotions;
using Promotions.Domain.Rules;
using Promotions.Domain.Segments;

namespace Promotions.Domain.Offers;

/// <summary>Parses and compiles stored promotions and segment criteria; every parse error is kept, with its path.</summary>
public static class PromotionCompiler
{
    /// <summary>
    /// Compiles the effect and rules of <paramref name="promotion"/>. Rule paths are those of the stored
    /// promotion (<c>$.rules[2].condition…</c>), so explanations point at the rule as the marketer wrote it.
    /// </summary>
    public static Result<CompiledPromotion> Compile(Promotion promotion)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        var errors = new List<DomainError>();
        var effect = EffectParser.Parse(promotion.Effect, "$.effect");
        if (!effect.IsSuccess)
        {
            errors.AddRange(effect.Errors);
        }

        var rules = new List<(int Priority, int Index, CompiledCondition Compiled)>(promotion.Rules.Count);
        var leaves = new Dictionary<string, FactCondition>(StringComparer.Ordinal);
        for (var i = 0; i < promotion.Rules.Count; i++)
        {
            var parsed = RuleLanguage.Parse(promotion.Rules[i].Condition, $"$.rules[{i}].condition");
            if (!parsed.IsSuccess)
            {
                errors.AddRange(parsed.Errors);
                continue;
            }

            CollectLeaves(parsed.Value, leaves);
            rules.Add((promotion.Rules[i].Priority, i, RuleLanguage.Compile(parsed.Value)));
        }

        if (errors.Count > 0)
        {
            return Result<CompiledPromotion>.Fail(errors);
        }

        var ordered = rules.OrderBy(static r => r.Priority).ThenBy(static r => r.Index).Select(static r => r.Compiled).ToArray();
        return new CompiledPromotion(promotion.Version, effect.Value!, ordered, leaves.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>Compiles a segment's criteria (a segment listed by id only has none: that is an error here).</summary>
    public static Result<CompiledSegment> Compile(Segment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (segment.Criteria is not { } criteria)
        {
            return new DomainError("segment.no_criteria", "The segment has no criteria to compile.", "$.criteria");
        }

        var parsed = RuleLanguage.Parse(criteria, "$.criteria");
        return parsed.IsSuccess
            ? new CompiledSegment(segment.Id, segment.Version, RuleLanguage.Compile(parsed.Value))
            : Result<CompiledSegment>.Fail(parsed.Errors);
    }

    private static void CollectLeaves(Condition condition, Dictionary<string, FactCondition> leaves)
    {
        switch (condition)
        {
            case FactCondition leaf:
                leaves[leaf.Path] = leaf;
                break;
            case AllCondition all:
                foreach (var child in all.Conditions)
                {
                    CollectLeaves(child, leaves);
                }

                break;
            case AnyCondition any:
                foreach (var child in any.Conditions)
                {
                    CollectLeaves(child, leaves);
                }

                break;
            case NotCondition not:
                CollectLeaves(not.Inner, leaves);
                break;
        }
    }
}
