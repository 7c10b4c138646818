using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Api.Tests.Host;
using Promotions.Domain.Ports;
using Promotions.LocalHost.Demo;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Api.Tests.Redemption;

/// <summary>
/// Checkout on the local host with the demo catalog: a redemption records exactly the quote <c>/validate</c> gave
/// for the same input — every promotion, its discount and its share of each line — and nothing else.
/// </summary>
public sealed class CheckoutTests : IDisposable
{
    private static readonly string AlicesCart = $$"""
        "channel":"web","customerId":"{{DemoCatalog.Alice}}","codes":["summer20"],
        "cart":{"currency":"EUR","lines":[
          {"lineId":"1","sku":"SKU-SNEAKER-42","category":"shoes","quantity":1,"unitPrice":89.90},
          {"lineId":"2","sku":"SKU-SOCKS-3P","category":"socks","quantity":3,"unitPrice":9.50}]}
        """;

    private readonly LocalHostFactory _host = new(demo: true);
    private readonly HttpClient _checkout;

    public CheckoutTests() => _checkout = _host.ClientWith(_host.Token([Roles.Admin]));

    public void Dispose()
    {
        _checkout.Dispose();
        _host.Dispose();
    }

    [Fact]
    public async Task Redeem_AlicesCartWithACode_RecordsExactlyWhatValidateQuoted()
    {
        var quote = await SendAsync("/validate", "{" + AlicesCart + "}", null, HttpStatusCode.OK);

        var redeemed = await SendAsync("/redemptions", AsOrder(AlicesCart, "order-alice-1"), "alice-1", HttpStatusCode.Created);
        var shown = await SendAsync($"/redemptions/{redeemed.GetProperty("id").GetString()}", null, null, HttpStatusCode.OK);

        Assert.True(quote.GetProperty("applied").GetArrayLength() >= 3, quote.ToString());
        foreach (var answer in new[] { redeemed, shown })
        {
            Assert.Equal(Totals(quote), Totals(answer));
            Assert.Equal(Applied(quote), Applied(answer));
            Assert.Equal(quote.GetProperty("fingerprint").GetString(), answer.GetProperty("quoteFingerprint").GetString());
            Assert.Equal(Lines(quote), Lines(answer));
        }

        Assert.Equal(NotApplied(quote), NotApplied(redeemed));
        var ledger = _host.Services.GetRequiredService<IRedemptionLedger>();
        foreach (var promotion in quote.GetProperty("applied").EnumerateArray())
        {
            var usage = await ledger.GetUsageAsync(promotion.GetProperty("promotionId").GetString()!, DemoCatalog.Alice, null, default);
            Assert.Equal(1, usage.PromotionRedemptions);
        }
    }

    [Fact]
    public async Task Redeem_WithTheFingerprintOfAnotherQuote_Returns409WithTheNewQuoteAndRecordsNothing()
    {
        var quote = await SendAsync("/validate", "{" + AlicesCart + "}", null, HttpStatusCode.OK);
        var otherCart = AlicesCart.Replace("\"quantity\":3", "\"quantity\":4", StringComparison.Ordinal);
        var body = AsOrder(otherCart, "order-alice-2")[..^1] + $",\"quoteFingerprint\":\"{quote.GetProperty("fingerprint").GetString()}\"}}";

        var refused = await SendAsync("/redemptions", body, "alice-2", HttpStatusCode.Conflict);

        Assert.Equal("quote_changed", refused.GetProperty("code").GetString());
        var newQuote = refused.GetProperty("quote");
        Assert.NotEqual(quote.GetProperty("fingerprint").GetString(), newQuote.GetProperty("fingerprint").GetString());
        Assert.True(newQuote.GetProperty("discount").GetDecimal() > quote.GetProperty("discount").GetDecimal());
        var usage = await _host.Services.GetRequiredService<IRedemptionLedger>()
            .GetUsageAsync(DemoPromotions.SummerTwenty, DemoCatalog.Alice, null, default);
        Assert.Equal(0, usage.PromotionRedemptions);

        var exact = AsOrder(otherCart, "order-alice-3")[..^1] + $",\"quoteFingerprint\":\"{newQuote.GetProperty("fingerprint").GetString()}\"}}";
        var redeemed = await SendAsync("/redemptions", exact, "alice-3", HttpStatusCode.Created);
        Assert.Equal(newQuote.GetProperty("discount").GetDecimal(), redeemed.GetProperty("discount").GetDecimal());
    }

    [Fact]
    public async Task Reverse_OneReturnedUnit_GivesBackWhatEachPromotionGaveThatLine()
    {
        var redeemed = await SendAsync("/redemptions", AsOrder(AlicesCart, "order-alice-4"), "alice-4", HttpStatusCode.Created);
        var id = redeemed.GetProperty("id").GetString();

        var reversal = await SendAsync($"/redemptions/{id}/reversals", """{"lines":[{"lineId":"2","quantity":3}]}""", "alice-4-r", HttpStatusCode.Created);

        // All three units of line 2 went back: each promotion gives back exactly its allocation to that line.
        var allocatedToLine2 = redeemed.GetProperty("applied").EnumerateArray()
            .Select(a => (Id: a.GetProperty("promotionId").GetString()!, Amount: AllocationOf(a, "2")))
            .ToArray();
        Assert.Equal(allocatedToLine2, reversal.GetProperty("promotions").EnumerateArray()
            .Select(p => (p.GetProperty("promotionId").GetString()!, p.GetProperty("amount").GetDecimal())).ToArray());
        Assert.Equal(allocatedToLine2.Sum(a => a.Amount), reversal.GetProperty("amount").GetDecimal());
        Assert.False(reversal.GetProperty("full").GetBoolean());
        Assert.Equal("partially_reversed", reversal.GetProperty("redemption").GetProperty("status").GetString());
    }

    private static decimal AllocationOf(JsonElement applied, string lineId) =>
        applied.GetProperty("allocations").EnumerateArray().Where(a => a.GetProperty("lineId").GetString() == lineId)
            .Sum(a => a.GetProperty("amount").GetDecimal());

    private static string AsOrder(string cart, string orderId) =>
        "{" + cart.Replace("\"cart\":{", $"\"order\":{{\"orderId\":\"{orderId}\",", StringComparison.Ordinal) + "}";

    private static (decimal, decimal, decimal, decimal) Totals(JsonElement answer) =>
        (answer.GetProperty("subtotal").GetDecimal(), answer.GetProperty("shipping").GetDecimal(),
            answer.GetProperty("discount").GetDecimal(), answer.GetProperty("total").GetDecimal());

    private static string[] Applied(JsonElement answer) =>
        answer.GetProperty("applied").EnumerateArray().Select(a =>
            $"{a.GetProperty("promotionId").GetString()}|{(a.TryGetProperty("code", out var c) ? c.GetString() : null)}|{a.GetProperty("amount").GetDecimal()}|"
            + $"{a.GetProperty("shippingDiscount").GetDecimal()}|"
            + string.Join(",", a.GetProperty("allocations").EnumerateArray().Select(l => $"{l.GetProperty("lineId").GetString()}={l.GetProperty("amount").GetDecimal()}")))
            .ToArray();

    private static string[] Lines(JsonElement answer) =>
        answer.GetProperty("lines").EnumerateArray().Select(l =>
            $"{l.GetProperty("lineId").GetString()}|{l.GetProperty("original").GetDecimal()}|{l.GetProperty("discount").GetDecimal()}|{l.GetProperty("final").GetDecimal()}")
            .ToArray();

    private static string[] NotApplied(JsonElement answer) =>
        answer.GetProperty("notApplied").EnumerateArray().Select(n =>
            $"{(n.TryGetProperty("promotionId", out var p) ? p.GetString() : null)}|{(n.TryGetProperty("code", out var c) ? c.GetString() : null)}|{n.GetProperty("reason").GetString()}")
            .ToArray();

    private async Task<JsonElement> SendAsync(string path, string? json, string? key, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(json is null ? HttpMethod.Get : HttpMethod.Post, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        using var response = await _checkout.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }
}
