namespace Promotions.Domain.Rules;

/// <summary>The stable codes of rule validation errors; docs/rule-language.md describes each one.</summary>
public static class RuleErrorCodes
{
    public const string InvalidJson = "rule.invalid_json";
    public const string InvalidNode = "rule.invalid_node";
    public const string AmbiguousNode = "rule.ambiguous_node";
    public const string InvalidGroup = "rule.invalid_group";
    public const string EmptyGroup = "rule.empty_group";
    public const string MissingProperty = "rule.missing_property";
    public const string InvalidProperty = "rule.invalid_property";
    public const string UnknownProperty = "rule.unknown_property";
    public const string DuplicateProperty = "rule.duplicate_property";
    public const string UnknownFact = "rule.unknown_fact";
    public const string UnknownOperator = "rule.unknown_op";
    public const string OperatorNotApplicable = "rule.op_not_applicable";
    public const string InvalidOperand = "rule.invalid_operand";
    public const string EmptyList = "rule.empty_list";
    public const string ListTooLong = "rule.list_too_long";
    public const string ImpossibleRange = "rule.impossible_range";
    public const string MissingParameter = "rule.missing_parameter";
    public const string InvalidParameter = "rule.invalid_parameter";
    public const string StringTooLong = "rule.string_too_long";
    public const string TooDeep = "rule.too_deep";
    public const string TooLarge = "rule.too_large";

    /// <summary>Every code, for documentation checks.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        InvalidJson, InvalidNode, AmbiguousNode, InvalidGroup, EmptyGroup, MissingProperty, InvalidProperty,
        UnknownProperty, DuplicateProperty, UnknownFact, UnknownOperator, OperatorNotApplicable, InvalidOperand,
        EmptyList, ListTooLong, ImpossibleRange, MissingParameter, InvalidParameter, StringTooLong, TooDeep, TooLarge,
    ];
}
