using System.Globalization;
using System.Text.Json;
using Promotions.Domain.Common;
using Promotions.Domain.Customers;

namespace Promotions.Domain.Rules.Parsing;

/// <summary>Checks the <c>value</c> of a leaf against the fact's type and the operator, and types it.</summary>
internal static class OperandParser
{
    public static readonly string[] DayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    public static Operand? Parse(JsonElement json, FactDefinition fact, RuleOperator op, string path, ParseErrors errors)
    {
        switch (op)
        {
            case RuleOperator.Exists:
                if (json.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    return new BooleanOperand(json.GetBoolean());
                }

                errors.Add(RuleErrorCodes.InvalidOperand, "\"exists\" takes true or false.", path);
                return null;
            case RuleOperator.In or RuleOperator.NotIn or RuleOperator.ContainsAny or RuleOperator.ContainsAll:
                return ParseList(json, fact, op, path, errors);
            case RuleOperator.Between:
                return ParseRange(json, fact, path, errors);
            default:
                return ParseItem(json, KindOf(fact.Type, op), fact, op, path, errors);
        }
    }

    private static OperandKind KindOf(FactType type, RuleOperator op) => type switch
    {
        FactType.Number => OperandKind.Number,
        FactType.String or FactType.StringList => OperandKind.String,
        FactType.Boolean => OperandKind.Boolean,
        FactType.DateTime => OperandKind.DateTime,
        FactType.Date => OperandKind.Date,
        FactType.TimeOfDay => OperandKind.TimeOfDay,
        FactType.DayOfWeek => OperandKind.DayOfWeek,
        _ => op switch
        {
            RuleOperator.Eq or RuleOperator.Neq => OperandKind.Scalar,
            RuleOperator.StartsWith => OperandKind.String,
            RuleOperator.Gt or RuleOperator.Gte or RuleOperator.Lt or RuleOperator.Lte or RuleOperator.Between => OperandKind.Number,
            _ => OperandKind.StringOrNumber,
        },
    };

    private static ListOperand? ParseList(JsonElement json, FactDefinition fact, RuleOperator op, string path, ParseErrors errors)
    {
        var kind = KindOf(fact.Type, op);
        if (json.ValueKind != JsonValueKind.Array)
        {
            errors.Add(RuleErrorCodes.InvalidOperand, $"\"{RuleOperators.Name(op)}\" takes a non-empty array of {Describe(kind)}.", path);
            return null;
        }

        var count = json.GetArrayLength();
        if (count == 0)
        {
            errors.Add(RuleErrorCodes.EmptyList, $"\"{RuleOperators.Name(op)}\" needs at least one item.", path);
            return null;
        }

        if (count > RuleLimits.MaxListItems)
        {
            errors.Add(RuleErrorCodes.ListTooLong, $"Lists hold at most {RuleLimits.MaxListItems} items.", path);
            return null;
        }

        var items = ParseItems(json, kind, fact, op, path, errors);
        return items is null ? null : new ListOperand(items);
    }

    private static ListOperand? ParseRange(JsonElement json, FactDefinition fact, string path, ParseErrors errors)
    {
        var kind = KindOf(fact.Type, RuleOperator.Between);
        if (json.ValueKind != JsonValueKind.Array || json.GetArrayLength() != 2)
        {
            errors.Add(RuleErrorCodes.InvalidOperand, $"\"between\" takes exactly two {Describe(kind)}: [min, max].", path);
            return null;
        }

        var items = ParseItems(json, kind, fact, RuleOperator.Between, path, errors);
        if (items is null)
        {
            return null;
        }

        // A time-of-day range whose start is after its end wraps midnight (["22:00","02:00"]); any other
        // reversed range can never hold, which is a mistake worth reporting when the rule is written.
        var reversed = (items[0], items[1]) switch
        {
            (NumberOperand min, NumberOperand max) => min.Value > max.Value,
            (DateTimeOperand min, DateTimeOperand max) => min.Value > max.Value,
            (DateOperand min, DateOperand max) => min.Value > max.Value,
            _ => false,
        };
        if (reversed)
        {
            errors.Add(RuleErrorCodes.ImpossibleRange, "The range's min is greater than its max, so it can never hold.", path);
            return null;
        }

        return new ListOperand(items);
    }

    private static List<Operand>? ParseItems(JsonElement json, OperandKind kind, FactDefinition fact, RuleOperator op, string path, ParseErrors errors)
    {
        var items = new List<Operand>(json.GetArrayLength());
        var index = 0;
        foreach (var item in json.EnumerateArray())
        {
            if (ParseItem(item, kind, fact, op, JsonPath.Index(path, index++), errors) is { } operand)
            {
                items.Add(operand);
            }
        }

        return items.Count == index ? items : null;
    }

    private static Operand? ParseItem(JsonElement json, OperandKind kind, FactDefinition fact, RuleOperator op, string path, ParseErrors errors)
    {
        var operand = json.ValueKind switch
        {
            JsonValueKind.Number when kind is OperandKind.Number or OperandKind.Scalar or OperandKind.StringOrNumber
                => json.TryGetDecimal(out var number) ? new NumberOperand(number) : null,
            JsonValueKind.True or JsonValueKind.False when kind is OperandKind.Boolean or OperandKind.Scalar
                => new BooleanOperand(json.GetBoolean()),
            JsonValueKind.String => ParseString(json, kind, path, errors),
            _ => null,
        };

        if (operand is null)
        {
            if (json.ValueKind != JsonValueKind.String || errors.CheckLength(json.GetString()!, path))
            {
                errors.Add(RuleErrorCodes.InvalidOperand, $"Expected {Describe(kind)}.", path);
            }

            return null;
        }

        return CheckDomain(operand, fact, op, path, errors) ? operand : null;
    }

    private static Operand? ParseString(JsonElement json, OperandKind kind, string path, ParseErrors errors)
    {
        var text = json.GetString()!;
        if (text.Length > RuleLimits.MaxStringLength)
        {
            return null;
        }

        return kind switch
        {
            OperandKind.String or OperandKind.Scalar or OperandKind.StringOrNumber => new StringOperand(text),
            OperandKind.DateTime => ParseDateTime(json, text),
            OperandKind.Date => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? new DateOperand(date) : null,
            OperandKind.TimeOfDay => TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
                ? new TimeOfDayOperand(time) : null,
            OperandKind.DayOfWeek => DayNames.Contains(text) ? new StringOperand(text) : null,
            _ => null,
        };
    }

    private static DateTimeOperand? ParseDateTime(JsonElement json, string text)
    {
        // An instant needs its offset: without one it would silently depend on the server's zone.
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        return hasOffset && json.TryGetDateTimeOffset(out var instant) ? new DateTimeOperand(instant) : null;
    }

    /// <summary>
    /// Values a fact can never take are mistakes: an unknown channel, a malformed currency, an amount or a count of a cart
    /// or a history past the money bounds (whose "how to qualify" gap would otherwise be computed beyond decimal's range).
    /// </summary>
    private static bool CheckDomain(Operand operand, FactDefinition fact, RuleOperator op, string path, ParseErrors errors)
    {
        if (operand is NumberOperand { Value: var number } && IsBoundedByMoney(fact.Id) && Math.Abs(number) > MoneyLimits.MaxTotal)
        {
            errors.Add(RuleErrorCodes.InvalidOperand, $"A value of {fact.Name} is at most {MoneyLimits.Format(MoneyLimits.MaxTotal)} in absolute value.", path);
            return false;
        }

        if (operand is not StringOperand { Value: var text } || op is RuleOperator.Contains or RuleOperator.StartsWith)
        {
            return true;
        }

        if (fact.Id == FactId.Channel && !Channels.IsKnown(text))
        {
            errors.Add(RuleErrorCodes.InvalidOperand, $"Unknown channel \"{text}\"; expected one of {string.Join(", ", Channels.All)}.", path);
            return false;
        }

        if (fact.Id == FactId.CartCurrency && !Money.IsValidCurrency(text))
        {
            errors.Add(RuleErrorCodes.InvalidOperand, "A currency is an active ISO 4217 code such as EUR.", path);
            return false;
        }

        return true;
    }

    private static string Describe(OperandKind kind) => kind switch
    {
        OperandKind.Number => "a number",
        OperandKind.String => "a string",
        OperandKind.Boolean => "true or false",
        OperandKind.DateTime => "an ISO-8601 date-time with an offset, e.g. \"2025-01-31T18:00:00+01:00\"",
        OperandKind.Date => "a date \"yyyy-MM-dd\"",
        OperandKind.TimeOfDay => "a time of day \"HH:mm\"",
        OperandKind.DayOfWeek => "a day name, \"monday\" to \"sunday\"",
        OperandKind.Scalar => "a string, number or boolean",
        _ => "a string or number",
    };

    private static bool IsBoundedByMoney(FactId fact) => fact is FactId.CartSubtotal or FactId.HistoryLifetimeSpend or FactId.CartItemCount
        or FactId.CartSkuQuantity or FactId.CartCategoryQuantity or FactId.HistoryOrderCount;
}
