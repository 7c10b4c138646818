using Promotions.Domain.Redemptions;

namespace Promotions.Domain.Tests.Redemptions;

public sealed class LedgerJsonTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Write_LeavesOutThePartsBlankLines_AndReadPutsThemBackInTheOrdersLineOrder()
    {
        var order = Order(
            Part("rdm_1-1", new RedeemedLine("a", 1, 0m), new RedeemedLine("b", 2, 3.50m), new RedeemedLine("c", 3, 0m, ReturnedQuantity: 1)),
            Part("rdm_1-2", new RedeemedLine("a", 1, 0m), new RedeemedLine("b", 2, 0m), new RedeemedLine("c", 3, 0m)));

        var json = LedgerJson.Write(order);
        var read = LedgerJson.Read(json, order.Id);

        Assert.DoesNotContain("\"lineId\":\"a\",\"quantity\":1,\"allocated\":0", json, StringComparison.Ordinal);
        Assert.Equal(Describe(order), Describe(read));
    }

    [Fact]
    public void Read_OfADocumentWithEveryLine_IsUnchanged()
    {
        var order = Order(Part("rdm_1-1", new RedeemedLine("a", 1, 1m), new RedeemedLine("b", 2, 2m), new RedeemedLine("c", 3, 3m)));

        Assert.Equal(Describe(order), Describe(LedgerJson.Read(LedgerJson.Write(order), order.Id)));
    }

    private static OrderRedemption Order(params Redemption[] parts) =>
        new("rdm_1", "order-1", "cus_1", "web", "EUR", 100m, 0m, [new OrderLine("a", 1, 10m), new OrderLine("b", 2, 40m), new OrderLine("c", 3, 50m)], parts, Now);

    private static Redemption Part(string id, params RedeemedLine[] lines) =>
        new(id, "prm_" + id, null, "cus_1", "web", Now, "order-1", 100m, lines.Sum(static l => l.Allocated), "EUR",
            [.. lines.Where(static l => l.Allocated > 0).Select(static l => new LineAllocation(l.LineId, l.Allocated))], RedemptionStatus.Confirmed)
        {
            Lines = lines,
        };

    private static string Describe(OrderRedemption order) =>
        string.Join("|", order.Redemptions.Select(static p => p.Id + ":" + string.Join(",", p.Lines)));
}
