using System.Text.Json;
using Promotions.Domain.Common;
using Promotions.Domain.Rules.Evaluation;
using Promotions.Domain.Rules.Parsing;

namespace Promotions.Domain.Rules;

/// <summary>
/// The rule language of promotion rules and segment criteria: JSON conditions parsed and validated
/// into a typed AST, then compiled once into a <see cref="CompiledCondition"/>. See docs/rule-language.md.
/// </summary>
public static class RuleLanguage
{
    /// <summary>
    /// Parses and validates <paramref name="json"/>, returning every error found, each with its JSON path
    /// under <paramref name="path"/> (e.g. <c>$.rules[0].condition</c> gives <c>$.rules[0].condition.any[1].op</c>).
    /// </summary>
    public static Result<Condition> Parse(JsonElement json, string path = "$")
    {
        ArgumentNullException.ThrowIfNull(path);
        return ConditionParser.Parse(json, path);
    }

    /// <summary>Parses JSON text; malformed JSON is a <c>rule.invalid_json</c> error at <paramref name="path"/>.</summary>
    public static Result<Condition> Parse(string json, string path = "$")
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return Parse(document.RootElement, path);
        }
        catch (JsonException e)
        {
            return new DomainError(RuleErrorCodes.InvalidJson, $"The condition is not valid JSON: {e.Message}", path);
        }
    }

    /// <summary>Compiles a parsed condition; do it once and keep the result, it is safe to share.</summary>
    public static CompiledCondition Compile(Condition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return new CompiledCondition(ConditionCompiler.Compile(condition));
    }
}
