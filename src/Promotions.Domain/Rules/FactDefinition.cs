namespace Promotions.Domain.Rules;

/// <summary>One entry of the fact catalogue: its type and the parameters it requires or allows.</summary>
internal sealed record FactDefinition(
    string Name,
    FactId Id,
    FactType Type,
    FactParameterKinds Required = FactParameterKinds.None,
    FactParameterKinds Optional = FactParameterKinds.None)
{
    public bool Allows(FactParameterKinds parameter) => ((Required | Optional) & parameter) != 0;

    public bool Supports(RuleOperator op) => FactCatalog.OperatorsFor(Type).Contains(op);
}
