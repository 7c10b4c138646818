namespace Promotions.Domain.Rules.Evaluation;

/// <summary>A list-valued fact, asked only "does it hold this item" so no list is materialised per evaluation.</summary>
internal abstract class ListFact
{
    /// <summary>The list exists and is not empty.</summary>
    public abstract bool IsPresent(EvaluationContext context);

    public abstract bool Contains(EvaluationContext context, string item);

    public abstract string Describe(EvaluationContext context);
}
