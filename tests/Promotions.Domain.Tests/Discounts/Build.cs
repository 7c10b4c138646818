using System.Text.Json;
using Promotions.Domain.Carts;
using Promotions.Domain.Discounts;
using Promotions.Domain.Promotions;

namespace Promotions.Domain.Tests.Discounts;

/// <summary>Short builders for carts, effects and candidates; effect JSON may use single quotes.</summary>
internal static class Build
{
    public static JsonElement Json(string json) => JsonDocument.Parse(json.Replace('\'', '"')).RootElement.Clone();

    public static DiscountEffect Effect(string json)
    {
        var result = EffectParser.Parse(Json(json));
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(e => $"{e.Code} {e.Path} {e.Message}")));
        return result.Value;
    }

    public static QuoteCandidate Candidate(
        string id, string effectJson, int priority = 0, bool exclusive = false, string? group = null, string? code = null) =>
        new(id, Effect(effectJson), priority, new Stacking(exclusive, group), code);

    public static CartLine Line(
        string id, decimal unitPrice, int quantity = 1, string? sku = null, string? category = null,
        bool nonDiscountable = false, bool alreadyDiscounted = false) =>
        new(id, sku ?? "SKU-" + id, category, quantity, unitPrice, nonDiscountable, alreadyDiscounted);

    public static Cart Cart(params CartLine[] lines) => new("EUR", lines);

    public static Quote Quote(Cart cart, params QuoteCandidate[] candidates) => DiscountEngine.Quote(cart, candidates, QuotePolicy.Default);

    public static decimal LineDiscount(Quote quote, string lineId) => quote.Lines.Single(l => l.LineId == lineId).Discount;
}
