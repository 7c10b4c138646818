using System.Net;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Promotions.Aws.Dynamo;
using Promotions.Aws.Redemptions;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Tests.RedemptionApi;

/// <summary>The Redemption service on the DynamoDB adapters, over HTTP: redeem, replay, reserve, confirm, reverse.</summary>
public sealed class AwsRedemptionApiTests(AwsRedemptionApiFixture host) : IClassFixture<AwsRedemptionApiFixture>
{
    [Fact]
    public async Task RedeemReserveConfirmReverse_RunOnDynamoDb_AndTheItemsAgree()
    {
        var (campaignId, promotionId, code) = await host.SeedAsync(codeUses: 3, budget: 100m);
        var client = host.Channel();
        var order = Order(code, "order-1", customerId: null, holdSeconds: null);

        using var redeemed = await AwsRedemptionApiFixture.PostAsync(client, "/redemptions", order, "r-1");
        using var replay = await AwsRedemptionApiFixture.PostAsync(client, "/redemptions", order, "r-1");
        using var held = await AwsRedemptionApiFixture.PostAsync(client, "/redemptions/reservations", Order(code, "order-2", null, 60), "h-1");
        var holdId = IdOf(await held.Content.ReadAsStringAsync());
        using var confirmed = await AwsRedemptionApiFixture.PostAsync(client, $"/redemptions/reservations/{holdId}/confirm", null, "c-1");
        using var third = await AwsRedemptionApiFixture.PostAsync(client, "/redemptions", Order(code, "order-3", null, null), "r-3");
        using var exhausted = await AwsRedemptionApiFixture.PostAsync(client, "/redemptions", Order(code, "order-4", null, null), "r-4");
        var redemptionId = IdOf(await redeemed.Content.ReadAsStringAsync());
        using var partial = await AwsRedemptionApiFixture.PostAsync(client, $"/redemptions/{redemptionId}/reversals", new { lines = new[] { new { lineId = "a", quantity = 1 } } }, "v-1");
        using var rest = await AwsRedemptionApiFixture.PostAsync(client, $"/redemptions/{redemptionId}/reversals", new { }, "v-2");
        using var got = await client.GetAsync(new Uri($"/redemptions/{redemptionId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, redeemed.StatusCode);
        Assert.Equal("true", Assert.Single(replay.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(await redeemed.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(("reserved", HttpStatusCode.Created), (StatusOf(await held.Content.ReadAsStringAsync()), held.StatusCode));
        Assert.Equal(("confirmed", HttpStatusCode.OK), (StatusOf(await confirmed.Content.ReadAsStringAsync()), confirmed.StatusCode));
        Assert.Equal(HttpStatusCode.Created, third.StatusCode);
        Assert.Equal((HttpStatusCode.Conflict, "code_exhausted"), (exhausted.StatusCode, CodeOf(await exhausted.Content.ReadAsStringAsync())));
        using (var reversal = JsonDocument.Parse(await partial.Content.ReadAsStringAsync()))
        {
            // 10.00 off 100.00: 6.00 on line a (2 units), 4.00 on line b; one unit of a gives back 3.00, the rest 7.00.
            Assert.Equal((HttpStatusCode.Created, 3.00m), (partial.StatusCode, reversal.RootElement.GetProperty("amount").GetDecimal()));
        }

        Assert.Equal(HttpStatusCode.Created, rest.StatusCode);
        Assert.Equal("reversed", StatusOf(await got.Content.ReadAsStringAsync()));

        // Two redemptions stand (the confirmed hold and the third); the reversed one gave back its use and its money.
        var usage = await host.Get<IRedemptionLedger>().GetUsageAsync(promotionId, null, campaignId, default);
        Assert.Equal((2L, 20m), (usage.PromotionRedemptions, usage.BudgetSpent));
        var codeItem = await ItemAsync(LedgerItems.Code(code));
        var budgetItem = await ItemAsync(LedgerItems.BudgetCounter(campaignId, 0));
        Assert.Equal(2, codeItem.GetN("uses"));
        Assert.Equal((2000L, 10000L, "EUR"), (budgetItem.GetN("spent"), budgetItem.GetN("budget"), budgetItem.GetS("currency")));
        Assert.Contains(host.Requests.All, r => r.Operation == "TransactWriteItems" && r.Status == 200);
    }

    private async Task<Dictionary<string, AttributeValue>> ItemAsync(Dictionary<string, AttributeValue> key) =>
        (await host.DynamoDb.GetItemAsync(new GetItemRequest { TableName = host.Table, Key = key, ConsistentRead = true })).Item;

    private static object Order(string code, string orderId, string? customerId, int? holdSeconds) => new
    {
        order = new
        {
            orderId,
            currency = "EUR",
            lines = new object[]
            {
                new { lineId = "a", sku = "SKU-A", quantity = 2, unitPrice = 30.00m },
                new { lineId = "b", sku = "SKU-B", quantity = 1, unitPrice = 40.00m },
            },
        },
        channel = "web",
        code,
        customerId,
        holdSeconds,
    };

    private static string IdOf(string body) => Member(body, "id");

    private static string StatusOf(string body) => Member(body, "status");

    private static string CodeOf(string problem) => Member(problem, "code");

    private static string Member(string body, string name)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty(name).GetString()!;
    }
}
