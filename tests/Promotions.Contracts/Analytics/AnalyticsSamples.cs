using Promotions.Domain.Campaigns;
using Promotions.Domain.Events;

namespace Promotions.Contracts.Analytics;

/// <summary>Event sets for the store tests: redemptions, reversals (some of redemptions never seen), codes and links.</summary>
public static class AnalyticsSamples
{
    public static readonly DateTimeOffset Day0 = new(2025, 3, 10, 9, 30, 0, TimeSpan.Zero);

    public static RedemptionRecorded Redeemed(string eventId, string redemptionId, int day = 0, decimal discount = 10m,
        decimal orderTotal = 100m, string promotionId = "prm_1", string? campaignId = "cmp_1", string channel = "web",
        string? customerId = "cus_1", string? code = "SPRING10", params string[] segments) =>
        new(eventId, Day0.AddDays(day), redemptionId, promotionId, campaignId, code, customerId, channel, "ord_" + redemptionId,
            orderTotal, discount, "EUR", [], segments);

    public static RedemptionReversed Reversed(string eventId, string redemptionId, decimal amount, bool full, int day = 0,
        string promotionId = "prm_1", string? campaignId = "cmp_1") =>
        new(eventId, Day0.AddDays(day), "rev_" + eventId, redemptionId, promotionId, campaignId, "cus_1", amount, 0m, "EUR", full, []);

    /// <summary>Every third redemption in no stage, the others in the teaser or the launch stage of their campaign's plan.</summary>
    public static CampaignStage? StageOf(int i) => (i % 3) switch
    {
        0 => null,
        1 => new CampaignStage(0, "teaser"),
        _ => new CampaignStage(1, "launch"),
    };

    /// <summary>A random but reproducible set of distinct events.</summary>
    public static List<DomainEvent> RandomSet(int seed, int redemptions)
    {
        var random = new Random(seed);
        string[] channels = ["web", "app", "pos"];
        string[] segments = ["seg_a", "seg_b"];
        var events = new List<DomainEvent>();
        for (var i = 0; i < redemptions; i++)
        {
            var promotion = random.Next(3);
            events.Add(Redeemed($"evt_r{i}", $"red_{i}", random.Next(4), random.Next(1, 5000) / 100m, random.Next(1, 50000) / 100m,
                $"prm_{promotion}", promotion == 2 ? null : "cmp_1", channels[random.Next(3)],
                random.Next(4) == 0 ? null : $"cus_{random.Next(6)}", random.Next(2) == 0 ? null : "C" + i,
                [.. segments.Where(_ => random.Next(2) == 0)]) with { Stage = StageOf(i) });
        }

        var fully = new HashSet<int>();
        for (var i = 0; i < redemptions / 2; i++)
        {
            var target = random.Next(redemptions + 2);
            var full = random.Next(3) == 0 && fully.Add(target);
            var promotion = target < redemptions ? ((RedemptionRecorded)events[target]).PromotionId : "prm_0";
            var campaign = target < redemptions ? ((RedemptionRecorded)events[target]).CampaignId : "cmp_1";
            events.Add(Reversed($"evt_v{i}", $"red_{target}", random.Next(1, 500) / 100m, full, random.Next(5), promotion, campaign));
        }

        events.Add(new CodesGenerated("evt_c0", Day0, "prm_0", "job_0", 1000));
        events.Add(new CodesGenerated("evt_c1", Day0.AddDays(1), "prm_1", "job_1", 250));
        events.Add(new PromotionChanged("evt_p0", Day0, "prm_0", "cmp_1", 2, Domain.Lifecycle.LifecycleStatus.Active));
        events.Add(new PromotionChanged("evt_p1", Day0, "prm_0", "cmp_1", 3, Domain.Lifecycle.LifecycleStatus.Paused));
        return events;
    }

    /// <summary>
    /// A set where nearly every event has a partner to join: redemptions in several segments, each reversed
    /// once or twice (the last time in full for some), and code batches of promotions that catalog events link
    /// to campaigns (some batches before the link, some after, in delivery order the race decides).
    /// </summary>
    public static List<DomainEvent> JoinSet(int seed, int redemptions)
    {
        var random = new Random(seed);
        var events = new List<DomainEvent>();
        for (var i = 0; i < redemptions; i++)
        {
            var promotion = $"prm_j{i % 3}";
            events.Add(Redeemed($"evt_jr{i}", $"red_j{i}", i % 3, 10m + i, 100m + i, promotion, "cmp_j", i % 2 == 0 ? "web" : "app",
                $"cus_{i % 5}", i % 2 == 0 ? "JOIN" + i : null, [.. new[] { "seg_a", "seg_b", "seg_c" }.Where(_ => random.Next(2) == 0)])
                with { Stage = StageOf(i) });
            events.Add(Reversed($"evt_jv{i}", $"red_j{i}", 1m, full: false, day: (i % 3) + 1, promotion, "cmp_j"));
            if (i % 2 == 1)
            {
                events.Add(Reversed($"evt_jf{i}", $"red_j{i}", 9m + i, full: true, day: (i % 3) + 2, promotion, "cmp_j"));
            }
        }

        for (var i = 0; i < 6; i++)
        {
            events.Add(new CodesGenerated($"evt_jc{i}", Day0.AddDays(i % 2), $"prm_j{i % 3}", $"job_j{i}", 100 * (i + 1)));
        }

        for (var p = 0; p < 3; p++)
        {
            events.Add(new PromotionPublished($"evt_jp{p}", Day0, $"prm_j{p}", "cmp_j", "Join", Domain.Promotions.PromotionKind.Code, ["web"], null, null));
            events.Add(new PromotionChanged($"evt_jg{p}", Day0, $"prm_j{p}", "cmp_j", 2, Domain.Lifecycle.LifecycleStatus.Paused));
        }

        return events;
    }
}
