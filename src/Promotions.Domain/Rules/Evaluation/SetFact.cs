namespace Promotions.Domain.Rules.Evaluation;

/// <summary>A list the context holds as a set (segments, cart SKUs and categories); null set = missing.</summary>
internal sealed class SetFact(Func<EvaluationContext, HashSet<string>?> read) : ListFact
{
    public override bool IsPresent(EvaluationContext context) => read(context) is { Count: > 0 };

    public override bool Contains(EvaluationContext context, string item) => read(context)?.Contains(item) == true;

    public override string Describe(EvaluationContext context) =>
        read(context) is { } set ? RuleText.StringSet(set) : RuleText.Missing;
}
