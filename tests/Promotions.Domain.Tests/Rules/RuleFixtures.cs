using System.Text.Json;
using Promotions.Domain.Carts;
using Promotions.Domain.Common;
using Promotions.Domain.Customers;
using Promotions.Domain.Rules;

namespace Promotions.Domain.Tests.Rules;

/// <summary>A known customer, cart and clock, and helpers that take conditions written with single quotes.</summary>
internal static class RuleFixtures
{
    /// <summary>Friday 2025-03-14 23:30 UTC: already Saturday 00:30 in Paris (UTC+1 before the March switch).</summary>
    public static readonly DateTimeOffset Now = new(2025, 3, 14, 23, 30, 0, TimeSpan.Zero);

    public static CustomerProfile Customer { get; } = new(
        "c-1",
        JsonDocument.Parse(Json("""
            {'tier':'gold','age':34,'vip':true,'tags':['a','b'],'scores':[1,2],
             'loyalty':{'points':1200,'level':'silver'},'nothing':null,'objects':[{'x':1}]}
            """)).RootElement,
        ["vip", "newsletter"],
        new PurchaseHistory(3, 420.50m, Now.AddDays(-10),
        [
            new PurchasedItem("SKU-1", "shoes", Now.AddDays(-5)),
            new PurchasedItem("SKU-2", "hats", Now.AddDays(-40)),
        ]),
        new Location("FR", "Île-de-France", "Paris", "75001", "store-1", 48.8566, 2.3522));

    public static Cart Cart { get; } = new("EUR",
    [
        new CartLine("l1", "SKU-1", "shoes", 2, 30m),
        new CartLine("l2", "SKU-3", "socks", 1, 10m),
    ]);

    public static EvaluationContext Context() => EvaluationContext.Create(Customer, Cart, Channels.Web, Now);

    public static EvaluationContext EmptyContext() => EvaluationContext.Create(CustomerProfile.Anonymous, null, null, Now);

    /// <summary>Conditions in tests use single quotes to stay readable in C# literals.</summary>
    public static string Json(string singleQuoted) => singleQuoted.Replace('\'', '"');

    public static Result<Condition> Parse(string singleQuoted, string path = "$")
    {
        using var document = JsonDocument.Parse(Json(singleQuoted));
        return RuleLanguage.Parse(document.RootElement, path);
    }

    public static CompiledCondition Compile(string singleQuoted)
    {
        var parsed = Parse(singleQuoted);
        Assert.True(parsed.IsSuccess, string.Join("; ", parsed.Errors.Select(e => $"{e.Path}: {e.Code} {e.Message}")));
        return RuleLanguage.Compile(parsed.Value);
    }

    public static bool Evaluate(string singleQuoted, EvaluationContext? context = null) =>
        Compile(singleQuoted).Evaluate(context ?? Context());

    public static DomainError SingleError(string singleQuoted, string path = "$")
    {
        var parsed = Parse(singleQuoted, path);
        Assert.False(parsed.IsSuccess);
        return Assert.Single(parsed.Errors);
    }
}
