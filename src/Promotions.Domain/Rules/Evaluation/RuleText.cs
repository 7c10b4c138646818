using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Promotions.Domain.Rules.Evaluation;

/// <summary>Renders values for explanations as JSON literals, so a string "missing" never reads as a missing fact.</summary>
internal static class RuleText
{
    /// <summary>The actual value of a fact the context does not have (no cart, never ordered, ...).</summary>
    public const string Missing = "missing";

    public static string Quote(string text) =>
        $"\"{JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping)}\"";

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Boolean(bool value) => value ? "true" : "false";

    public static string Instant(DateTimeOffset value) =>
        Quote(value.ToString(value.Offset == TimeSpan.Zero ? "yyyy-MM-ddTHH:mm:ss'Z'" : "yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));

    public static string Date(DateOnly value) => Quote(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static string TimeOfDay(TimeOnly value) => Quote(value.ToString("HH:mm", CultureInfo.InvariantCulture));

    public static string List(IEnumerable<string> renderedItems) => $"[{string.Join(",", renderedItems)}]";

    /// <summary>Sorted so that explanations of set-valued facts are stable.</summary>
    public static string StringSet(IEnumerable<string> items) => List(items.Order(StringComparer.Ordinal).Select(Quote));

    public static string Operand(Operand operand) => operand switch
    {
        BooleanOperand b => Boolean(b.Value),
        NumberOperand n => Number(n.Value),
        StringOperand s => Quote(s.Value),
        DateTimeOperand d => Instant(d.Value),
        DateOperand d => Date(d.Value),
        TimeOfDayOperand t => TimeOfDay(t.Value),
        ListOperand l => List(l.Items.Select(Operand)),
        _ => throw new ArgumentOutOfRangeException(nameof(operand), operand, "Unknown operand type."),
    };
}
