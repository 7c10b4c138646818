using System.Text.Json;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Codes;
using Promotions.Domain.Customers;
using Promotions.Domain.Events;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;
using Promotions.Domain.Segments;

namespace Promotions.Api.Tests.Offers;

/// <summary>Writes test data straight through the ports the service resolves; JSON may use single quotes.</summary>
internal sealed class Seed(IServiceProvider services, DateTimeOffset now)
{
    private int _next;

    public static JsonElement Json(string json) => JsonDocument.Parse(json.Replace('\'', '"')).RootElement.Clone();

    public async Task<Campaign> CampaignAsync(LifecycleStatus status = LifecycleStatus.Active, Budget? budget = null)
    {
        var campaign = new Campaign(NextId("cmp"), "Campaign", null, null, null, status, null, budget, null, null, now, now);
        return (await Port<ICampaignStore>().CreateAsync(campaign, CancellationToken.None)).Value!;
    }

    public async Task<Promotion> PromotionAsync(
        Campaign campaign,
        string name,
        string effect = "{'type':'percent_off','percent':10,'target':{'scope':'order'}}",
        string[]? rules = null,
        string[]? channels = null,
        PromotionKind kind = PromotionKind.Automatic,
        int priority = 0,
        string? description = null,
        LifecycleStatus status = LifecycleStatus.Active,
        DateTimeOffset? startsAt = null,
        int? maxRedemptions = null,
        int? perCustomerLimit = null,
        string? stackingGroup = null,
        IReadOnlyList<PeriodLimit>? periodLimits = null)
    {
        var id = NextId("prm");
        var promotion = new Promotion(id, campaign.Id, name, description, kind, startsAt, null, status, Json(effect),
            (rules ?? []).Select((r, i) => new Rule($"{id}_r{i}", id, "eligibility", Json(r), i)).ToArray(),
            channels ?? [Channels.Web], priority, new Stacking(Group: stackingGroup), maxRedemptions, 0, perCustomerLimit, now, now)
        {
            PeriodLimits = periodLimits ?? [],
        };
        var stored = (await Port<IPromotionStore>().CreateAsync(promotion, CatalogEvents.PromotionWritten(null, promotion, TimeProvider.System), CancellationToken.None)).Value!;
        await Port<IPromotionSearch>().IndexAsync(stored, CancellationToken.None);
        return stored;
    }

    public async Task<PromoCode> CodeAsync(
        Promotion promotion, string code, int uses = 0, int maxUses = 1, bool active = true,
        DateTimeOffset? expiresAt = null, string? assignedTo = null)
    {
        var promoCode = new PromoCode(NextId("cod"), promotion.Id, code, uses, maxUses, active, expiresAt, assignedTo);
        await Port<ICodeStore>().InsertAsync("cjb_seed", [promoCode], CancellationToken.None);
        return promoCode;
    }

    public async Task<Customer> CustomerAsync(string attributes = "{}", string[]? segments = null, int orders = 0)
    {
        var history = new PurchaseHistory(orders, orders * 40m, orders > 0 ? now.AddDays(-3) : null, []);
        var customer = new Customer(NextId("cus"), null, "Ada", Json(attributes), segments ?? [], now, null, history);
        return (await Port<ICustomerStore>().CreateAsync(customer, CancellationToken.None)).Value!;
    }

    public async Task<Segment> SegmentAsync(string criteria)
    {
        var segment = new Segment(NextId("seg"), "Segment", null, Json(criteria));
        return (await Port<ISegmentStore>().CreateAsync(segment, CancellationToken.None)).Value!;
    }

    public T Port<T>()
        where T : notnull => (T)services.GetService(typeof(T))!;

    // Ids sort in creation order, as real ids do, so tie-breaks by id are predictable.
    private string NextId(string prefix) => $"{prefix}_{Interlocked.Increment(ref _next):D4}";
}
