using CsCheck;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Events;

namespace Promotions.Contracts.Analytics;

/// <summary>A generated set of distinct events and the seed that duplicates and shuffles their delivery.</summary>
public sealed record AnalyticsScenario(IReadOnlyList<DomainEvent> Events, int DeliverySeed)
{
    // Promotions p0 and p1 belong to c0, p2 to c1, p3 to no campaign (its events carry none).
    private static readonly string?[] CampaignOf = ["cmp_0", "cmp_0", "cmp_1", null];
    private static readonly string[] Channels = ["web", "app", "pos"];
    private static readonly string[] Segments = ["seg_a", "seg_b", "seg_c"];
    private static readonly string?[] Customers = ["cus_1", "cus_2", "cus_3", null];
    private static readonly string[] Currencies = ["EUR", "EUR", "USD"];

    private static readonly string[] Stages = ["teaser", "launch", "last chance"];

    private static readonly Gen<int[]> Redemption = Gen.Int[0, 10_000].Array[10];
    private static readonly Gen<int[]> Reversal = Gen.Int[0, 10_000].Array[4];
    private static readonly Gen<int[]> Other = Gen.Int[0, 10_000].Array[4];

    public static Gen<AnalyticsScenario> Generator =>
        from redemptions in Redemption.Array[0, 12]
        from reversals in Reversal.Array[0, 12]
        from others in Other.Array[0, 10]
        from seed in Gen.Int
        select Build(redemptions, reversals, others, seed);

    /// <summary>Every event once, some two or three times, in a random order.</summary>
    public IReadOnlyList<DomainEvent> Delivery()
    {
        var random = new Random(DeliverySeed);
        var delivered = new List<DomainEvent>();
        foreach (var e in Events)
        {
            var copies = 1 + random.Next(3);
            for (var i = 0; i < copies; i++)
            {
                // A redelivered event is equal but not the same object, as after a round trip through JSON.
                delivered.Add(i == 0 ? e : e with { });
            }
        }

        var array = delivered.ToArray();
        random.Shuffle(array);
        return array;
    }

    public override string ToString() =>
        $"seed={DeliverySeed} events=[{string.Join(", ", Events.Select(e => e.ToString()))}]";

    private static AnalyticsScenario Build(int[][] redemptions, int[][] reversals, int[][] others, int seed)
    {
        var events = new List<DomainEvent>();
        var recorded = new List<RedemptionRecorded>();
        var n = 0;
        string Id() => $"evt_{n++:D3}";

        foreach (var g in redemptions)
        {
            var promotion = g[0] % 4;
            var segments = Segments.Where((_, i) => (g[2] & (1 << i)) != 0).ToArray();
            var r = AnalyticsEvents.Redeemed(
                Id(), $"red_{recorded.Count}", $"prm_{promotion}", CampaignOf[promotion], g[3] % 5,
                discount: g[4] / 100m, orderTotal: g[5] * 7 / 100m, channel: Channels[g[1] % 3],
                customerId: Customers[g[6] % 4], code: g[7] % 2 == 0 ? null : "CODE" + g[7],
                currency: Currencies[g[8] % 3], segments) with
                {
                    // A quarter in no stage (no plan, or events written before stages), the rest in one of three.
                    Stage = g[9] % 4 == 0 ? null : new CampaignStage((g[9] % 4) - 1, Stages[(g[9] % 4) - 1]),
                };
            recorded.Add(r);
            events.Add(r);
        }

        var fullyReversed = new HashSet<string>();
        foreach (var g in reversals)
        {
            // Most reversals belong to a generated redemption; some to one analytics never sees.
            var target = g[0] % (recorded.Count + 2);
            var of = target < recorded.Count ? recorded[target] : null;
            var redemptionId = of?.RedemptionId ?? $"red_unseen_{target}";
            var full = g[1] % 3 == 0 && fullyReversed.Add(redemptionId);
            events.Add(AnalyticsEvents.Reversed(
                Id(), redemptionId, of?.PromotionId ?? "prm_0", of is null ? "cmp_0" : of.CampaignId,
                g[2] % 6, g[3] / 100m, full, of?.Currency ?? "EUR"));
        }

        foreach (var g in others)
        {
            var promotion = g[1] % 4;
            var campaign = CampaignOf[promotion];
            events.Add((g[0] % 5, campaign) switch
            {
                (0, _) => AnalyticsEvents.CodesIssued(Id(), $"prm_{promotion}", g[2] % 5, 1 + g[3]),
                (1, not null) => AnalyticsEvents.Published(Id(), $"prm_{promotion}", campaign, g[2] % 5),
                (2, not null) => AnalyticsEvents.Changed(Id(), $"prm_{promotion}", campaign, g[2] % 5),
                (3, _) => AnalyticsEvents.Threshold(Id(), "cmp_0", g[2] % 5, 50, 1000m),
                _ => AnalyticsEvents.Expired(Id(), $"prm_{promotion}", g[2] % 5),
            });
        }

        return new AnalyticsScenario(events, seed);
    }
}
