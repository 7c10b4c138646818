using System.Net;
using System.Text;
using System.Text.Json;
using Promotions.Api.Tests.Offers;
using Promotions.Domain.Promotions;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Api.Tests.Validation;

/// <summary>
/// Codes that do not exist, tried at <c>/validate</c>, lock further code attempts of the customer (10 in 10 minutes)
/// or the caller (100), for 15 minutes; real codes, exhausted ones included, never count.
/// </summary>
public sealed class CodeGuessingTests : ValidationApiTest
{
    private const string Cart = "'cart':{'currency':'EUR','lines':[{'lineId':'1','sku':'MUG','quantity':2,'unitPrice':44}]}";

    [Fact]
    public async Task Validate_AfterTenUnknownCodesForACustomer_RefusesItsCodesFor15Minutes_WithRetryAfter()
    {
        var (customer, other) = (await Seed.CustomerAsync(), await Seed.CustomerAsync());
        await SeedCodeAsync("REALCODE");
        var guesses = string.Join(',', Enumerable.Range(0, 10).Select(i => $"'GUESS{i}'"));

        var guessed = await Checkout.PostJsonAsync("/validate", Body(customer.Id, guesses));
        var (status, retryAfter, problem) = await SendAsync(Body(customer.Id, "'REALCODE'"));
        var withoutCodes = await Checkout.PostJsonAsync("/validate", $"{{'channel':'web','customerId':'{customer.Id}',{Cart}}}");
        var otherCustomer = await Checkout.PostJsonAsync("/validate", Body(other.Id, "'REALCODE'"));
        Host.Clock.Advance(TimeSpan.FromMinutes(15));
        var afterTheLock = await Checkout.PostJsonAsync("/validate", Body(customer.Id, "'REALCODE'"));

        Assert.Equal(10, guessed.GetProperty("notApplied").Strings("reason").Count(r => r == "unknown_code"));
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal(TimeSpan.FromMinutes(15), retryAfter);
        Assert.Equal("code_attempts_locked", problem.GetProperty("code").GetString());
        Assert.Equal(["$.customerId"], Http.ErrorPaths(problem));
        Assert.Empty(withoutCodes.GetProperty("notApplied").EnumerateArray());
        Assert.Single(otherCustomer.GetProperty("applied").EnumerateArray());
        Assert.Single(afterTheLock.GetProperty("applied").EnumerateArray());
    }

    [Fact]
    public async Task Validate_CountsOnlyUnknownCodes_NotExhaustedOrRepeatedOnes()
    {
        var customer = await Seed.CustomerAsync();
        await SeedCodeAsync("USEDUP", uses: 1);

        // Ten requests, each with one exhausted code, its repetition and one unknown code: only the last reaches ten.
        for (var i = 0; i < 10; i++)
        {
            var quote = await Checkout.PostJsonAsync("/validate", Body(customer.Id, "'USEDUP','used-up','NOSUCH'"));
            Assert.Equal(["code_exhausted", "duplicate_code", "unknown_code"], quote.GetProperty("notApplied").Strings("reason").Order(StringComparer.Ordinal));
        }

        var (status, _, _) = await SendAsync(Body(customer.Id, "'USEDUP'"));

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
    }

    [Fact]
    public async Task Validate_AfterAHundredUnknownCodesFromOneCaller_LocksThatCallerOnly()
    {
        await SeedCodeAsync("REALCODE");
        var guesses = string.Join(',', Enumerable.Range(0, 10).Select(i => $"'GUESS{i}'"));
        using var otherShop = Host.Channel("other-shop", Scopes.Validate);

        for (var i = 0; i < 10; i++)
        {
            // Anonymous carts: only the caller is counted.
            await Checkout.PostJsonAsync("/validate", Body(null, guesses));
        }

        var (status, _, problem) = await SendAsync(Body(null, "'REALCODE'"));
        var other = await otherShop.PostJsonAsync("/validate", Body(null, "'REALCODE'"));

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal(["(none)"], Http.ErrorPaths(problem));
        Assert.Single(other.GetProperty("applied").EnumerateArray());
    }

    private static string Body(string? customerId, string codes) =>
        $"{{'channel':'web',{(customerId is null ? "" : $"'customerId':'{customerId}',")}'codes':[{codes}],{Cart}}}";

    private async Task SeedCodeAsync(string code, int uses = 0)
    {
        var campaign = await Seed.CampaignAsync();
        var promotion = await Seed.PromotionAsync(campaign, "Five off", "{'type':'amount_off','amount':5}", kind: PromotionKind.Code);
        await Seed.CodeAsync(promotion, code, uses: uses, maxUses: Math.Max(1, uses));
    }

    private async Task<(HttpStatusCode Status, TimeSpan? RetryAfter, JsonElement Body)> SendAsync(string body)
    {
        using var content = new StringContent(body.Replace('\'', '"'), Encoding.UTF8, "application/json");
        using var response = await Checkout.PostAsync(new Uri("/validate", UriKind.Relative), content);
        var json = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, response.Headers.RetryAfter?.Delta, json);
    }
}
