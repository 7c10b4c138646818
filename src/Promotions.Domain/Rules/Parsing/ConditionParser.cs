using System.Text.Json;
using Promotions.Domain.Common;

namespace Promotions.Domain.Rules.Parsing;

/// <summary>
/// Turns a JSON condition into the typed AST, collecting every error with its JSON path instead of
/// stopping at the first, so an editor can show all problems of a rule at once.
/// </summary>
internal sealed class ConditionParser
{
    private const string All = "all";
    private const string Any = "any";
    private const string Not = "not";
    private const string Fact = "fact";
    private const string Op = "op";
    private const string Value = "value";

    private readonly ParseErrors _errors = new();
    private int _nodes;

    private ConditionParser()
    {
    }

    public static Result<Condition> Parse(JsonElement json, string path)
    {
        var parser = new ConditionParser();
        var condition = parser.ParseNode(json, path, depth: 1);
        return parser._errors.Count == 0 && condition is not null
            ? Result<Condition>.Ok(condition)
            : Result<Condition>.Fail(parser._errors.All);
    }

    private Condition? ParseNode(JsonElement json, string path, int depth)
    {
        if (depth > RuleLimits.MaxDepth)
        {
            _errors.Add(RuleErrorCodes.TooDeep, $"Conditions nest at most {RuleLimits.MaxDepth} levels deep.", path);
            return null;
        }

        if (++_nodes == RuleLimits.MaxNodes + 1)
        {
            _errors.Add(RuleErrorCodes.TooLarge, $"A condition holds at most {RuleLimits.MaxNodes} nodes.", path);
        }

        if (_nodes > RuleLimits.MaxNodes)
        {
            return null;
        }

        if (json.ValueKind != JsonValueKind.Object)
        {
            _errors.Add(RuleErrorCodes.InvalidNode, "A condition must be a JSON object.", path);
            return null;
        }

        var groupKeys = 0;
        var leafKeys = 0;
        foreach (var property in json.EnumerateObject())
        {
            if (property.NameEquals(All) || property.NameEquals(Any) || property.NameEquals(Not))
            {
                groupKeys++;
            }
            else if (property.NameEquals(Fact) || property.NameEquals(Op) || property.NameEquals(Value))
            {
                leafKeys++;
            }
        }

        if (groupKeys > 1 || (groupKeys == 1 && leafKeys > 0))
        {
            _errors.Add(RuleErrorCodes.AmbiguousNode,
                "A condition is exactly one of: {\"all\":[...]}, {\"any\":[...]}, {\"not\":{...}} or a fact comparison.", path);
            return null;
        }

        return groupKeys == 1 ? ParseGroup(json, path, depth) : ParseLeaf(json, path);
    }

    private Condition? ParseGroup(JsonElement json, string path, int depth)
    {
        Condition? result = null;
        foreach (var property in json.EnumerateObject())
        {
            var propertyPath = JsonPath.Property(path, property.Name);
            switch (property.Name)
            {
                case All:
                case Any:
                    var children = ParseChildren(property.Value, propertyPath, depth);
                    result = children is null ? null
                        : property.Name == All ? new AllCondition(path, children) : new AnyCondition(path, children);
                    break;
                case Not:
                    var inner = ParseNode(property.Value, propertyPath, depth + 1);
                    result = inner is null ? null : new NotCondition(path, inner);
                    break;
                default:
                    UnknownProperty(property.Name, propertyPath, "a group");
                    break;
            }
        }

        return result;
    }

    private List<Condition>? ParseChildren(JsonElement array, string path, int depth)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            _errors.Add(RuleErrorCodes.InvalidGroup, "\"all\" and \"any\" take an array of conditions.", path);
            return null;
        }

        if (array.GetArrayLength() == 0)
        {
            _errors.Add(RuleErrorCodes.EmptyGroup, "\"all\" and \"any\" need at least one condition.", path);
            return null;
        }

        var children = new List<Condition>(array.GetArrayLength());
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var child = ParseNode(item, JsonPath.Index(path, index++), depth + 1);
            if (child is not null)
            {
                children.Add(child);
            }
        }

        return children.Count == index ? children : null;
    }

    private FactCondition? ParseLeaf(JsonElement json, string path)
    {
        var errorsBefore = _errors.Count;
        string? factName = null;
        RuleOperator? op = null;
        JsonElement? value = null;
        var parameters = new List<JsonProperty>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var property in json.EnumerateObject())
        {
            var propertyPath = JsonPath.Property(path, property.Name);
            if (!seen.Add(property.Name))
            {
                _errors.Add(RuleErrorCodes.DuplicateProperty, $"\"{property.Name}\" appears more than once.", propertyPath);
                continue;
            }

            switch (property.Name)
            {
                case Fact:
                    factName = ReadName(property.Value, propertyPath, "fact");
                    break;
                case Op:
                    var opName = ReadName(property.Value, propertyPath, "op");
                    if (opName is not null && !RuleOperators.TryParse(opName, out op))
                    {
                        _errors.Add(RuleErrorCodes.UnknownOperator,
                            $"Unknown operator \"{opName}\"; expected one of {string.Join(", ", RuleOperators.Names)}.", propertyPath);
                    }

                    break;
                case Value:
                    value = property.Value;
                    break;
                default:
                    if (ParameterParser.IsParameterName(property.Name))
                    {
                        parameters.Add(property);
                    }
                    else
                    {
                        UnknownProperty(property.Name, propertyPath, "a fact comparison");
                    }

                    break;
            }
        }

        RequireProperty(seen, Fact, path);
        RequireProperty(seen, Op, path);
        RequireProperty(seen, Value, path);

        var definition = ResolveFact(factName, JsonPath.Property(path, Fact));
        if (definition is null)
        {
            return null;
        }

        var factParameters = ParameterParser.Parse(definition, parameters, path, _errors);
        if (op is not { } knownOp)
        {
            return null;
        }

        if (!definition.Supports(knownOp))
        {
            var allowed = string.Join(", ", FactCatalog.OperatorsFor(definition.Type).Select(RuleOperators.Name));
            _errors.Add(RuleErrorCodes.OperatorNotApplicable,
                $"\"{RuleOperators.Name(knownOp)}\" does not apply to {definition.Name}; use one of {allowed}.", JsonPath.Property(path, Op));
            return null;
        }

        if (value is not { } operandJson)
        {
            return null;
        }

        var operand = OperandParser.Parse(operandJson, definition, knownOp, JsonPath.Property(path, Value), _errors);
        return operand is null || factParameters is null || _errors.Count != errorsBefore
            ? null
            : new FactCondition(path, definition.Name, knownOp, operand, factParameters);
    }

    private FactDefinition? ResolveFact(string? name, string path)
    {
        if (name is null)
        {
            return null;
        }

        if (FactCatalog.TryGet(name, out var definition))
        {
            return definition;
        }

        var hint = name.StartsWith(FactCatalog.AttributePrefix, StringComparison.Ordinal)
            ? "attribute paths are dotted segments of letters, digits, '_' and '-'"
            : "see the fact catalogue in docs/rule-language.md";
        _errors.Add(RuleErrorCodes.UnknownFact, $"Unknown fact \"{name}\"; {hint}.", path);
        return null;
    }

    private string? ReadName(JsonElement json, string path, string what)
    {
        if (json.ValueKind != JsonValueKind.String)
        {
            _errors.Add(RuleErrorCodes.InvalidProperty, $"\"{what}\" must be a string.", path);
            return null;
        }

        var name = json.GetString()!;
        return _errors.CheckLength(name, path) ? name : null;
    }

    private void RequireProperty(HashSet<string> seen, string name, string path)
    {
        if (!seen.Contains(name))
        {
            _errors.Add(RuleErrorCodes.MissingProperty, $"A fact comparison needs \"{name}\".", JsonPath.Property(path, name));
        }
    }

    private void UnknownProperty(string name, string path, string where) =>
        _errors.Add(RuleErrorCodes.UnknownProperty, $"\"{Truncate(name)}\" is not a property of {where}.", path);

    private static string Truncate(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "...");
}
