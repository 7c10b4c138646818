namespace Promotions.Domain.Rules.Evaluation;

/// <summary>Unpacks validated operands into the arrays compiled nodes work on.</summary>
internal static class Operands
{
    public static IReadOnlyList<Operand> Items(Operand operand) => operand is ListOperand list ? list.Items : [operand];

    /// <summary>
    /// The string operands, interned: thousands of rules repeat the same few constants ("gold", "web"),
    /// and sharing one instance keeps them hot in cache and lets equality stop at the reference check.
    /// Operands come from stored rules and are at most <see cref="RuleLimits.MaxStringLength"/> long.
    /// </summary>
    public static string[] Strings(Operand operand) =>
        [.. Items(operand).Select(static o => o is StringOperand s ? string.Intern(s.Value) : throw Invalid(o))];

    public static T[] Values<T>(Operand operand, Func<Operand, T> convert) => [.. Items(operand).Select(convert)];

    public static ArgumentException Invalid(Operand operand) =>
        new($"The operand {RuleText.Operand(operand)} does not fit this fact; parse conditions with RuleLanguage.Parse.", nameof(operand));
}
