namespace Promotions.Domain.Rules.Evaluation;

/// <summary>SKUs or categories bought within the last <c>withinDays</c> days before the context's now.</summary>
internal sealed class BoughtWithinFact(Func<EvaluationContext, Dictionary<string, DateTimeOffset>> read, int withinDays) : ListFact
{
    public override bool IsPresent(EvaluationContext context)
    {
        var since = Since(context);
        foreach (var boughtAt in read(context).Values)
        {
            if (boughtAt >= since)
            {
                return true;
            }
        }

        return false;
    }

    public override bool Contains(EvaluationContext context, string item) =>
        read(context).TryGetValue(item, out var boughtAt) && boughtAt >= Since(context);

    public override string Describe(EvaluationContext context)
    {
        var since = Since(context);
        return RuleText.StringSet(read(context).Where(p => p.Value >= since).Select(static p => p.Key));
    }

    private DateTimeOffset Since(EvaluationContext context) => context.Now.AddDays(-withinDays);
}
