using Promotions.Domain.Common;
using Promotions.Domain.Events;

namespace Promotions.Domain.Redemptions;

/// <summary>
/// Every decision of the redemption ledger, made once for every adapter: which limits a redemption, a hold's end or
/// a reversal changes and in which order they are checked (per part: code, promotion cap, customer quota, period limits; then each
/// campaign budget once), the status each change leads to and from, the hold-expiry rule, and the events.
/// </summary>
public static class LedgerPlanner
{
    /// <summary>
    /// The most parts (promotions) one order's redemption may have: what one DynamoDB transaction of at most 100
    /// items carries in the worst case. Each part writes up to 9 items (its code, promotion counter, customer counter
    /// and event; its own campaign's budget counter, threshold marks and up to three threshold events), and the order
    /// two more (its record and the idempotency completion): 10 × 9 + 2 = 92 (docs/redemption.md). A part with period
    /// limits writes one more item per limit, so a stack must also fit <see cref="MaxPartItems"/> (<see cref="PartsThatFit"/>).
    /// </summary>
    public const int MaxParts = 10;

    /// <summary>The items every part together may take of one transaction: 100 less the order's own 2.</summary>
    public const int MaxPartItems = 98;

    /// <summary>
    /// The most items one part takes: 9, one per period limit of its promotion and, when it uses a code, the lookup
    /// item that finds the order by that code (<see cref="ExtraItemsOf"/>).
    /// </summary>
    public static int ItemsOf(int extraItems) => 9 + extraItems;

    /// <summary>The items a part takes beyond the 9 of every part: one per period limit, and one when it uses a code.</summary>
    public static int ExtraItemsOf(int periodLimits, string? code) => periodLimits + (code is null ? 0 : 1);

    /// <summary>
    /// How many of the leading parts fit one redemption, given each part's <see cref="ExtraItemsOf"/> in stack order:
    /// at most <see cref="MaxParts"/>, taking at most <see cref="MaxPartItems"/> items together.
    /// </summary>
    public static int PartsThatFit(IEnumerable<int> extraItems)
    {
        ArgumentNullException.ThrowIfNull(extraItems);
        var (parts, items) = (0, 0);
        foreach (var count in extraItems)
        {
            items += ItemsOf(count);
            if (parts == MaxParts || items > MaxPartItems)
            {
                break;
            }

            parts++;
        }

        return parts;
    }

    /// <summary>The plan that records <paramref name="command"/>, or the refusal that needs no stored value.</summary>
    public static Result<LedgerPlan> Redeem(RedeemCommand command, DateTimeOffset now, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(command);
        var order = command.Order;
        if (order.Redemptions.Count == 0 || order.Redemptions.Count != command.Limits.Count)
        {
            throw new ArgumentException("Every part of the order needs its limits, and an order has at least one part.", nameof(command));
        }

        if (order.Redemptions.Count > MaxParts || PartsThatFit(command.Limits.Select((l, i) => ExtraItemsOf(l.PeriodLimits.Count, order.Redemptions[i].Code))) < order.Redemptions.Count)
        {
            return new DomainError(RedemptionRejections.StackTooLarge,
                $"One redemption records at most {MaxParts} promotions, fewer when they have period limits; this order applies {order.Redemptions.Count}.");
        }

        var changes = new List<LedgerChange>();
        var parts = new Redemption[order.Redemptions.Count];
        var budgets = new List<BudgetChange>();
        for (var i = 0; i < parts.Length; i++)
        {
            var part = order.Redemptions[i];
            var limits = command.Limits[i];
            if ((limits.PerCustomerLimit is not null || limits.PeriodLimits.Any(static l => l.PerCustomer)) && part.CustomerId is null)
            {
                return LedgerRefusals.Of(RedemptionRejections.CustomerRequired) with { Subject = part.PromotionId };
            }

            var charged = limits.BudgetAmount is not null && part.CampaignId is not null;
            if (charged && !string.Equals(limits.BudgetCurrency, part.Currency, StringComparison.Ordinal))
            {
                return LedgerRefusals.Of(RedemptionRejections.BudgetCurrencyMismatch) with { Subject = part.PromotionId };
            }

            if (part.Code is { } code)
            {
                changes.Add(new UseCode(i, code, part.PromotionId, part.CustomerId, now));
            }

            changes.Add(new CountChange(i, CounterKind.Promotion, part.PromotionId, null, 1, limits.MaxRedemptions));
            if (part.CustomerId is { } customer)
            {
                changes.Add(new CountChange(i, CounterKind.Customer, part.PromotionId, customer, 1, limits.PerCustomerLimit));
            }

            // One counter per period and scope (a transaction changes an item once): two limits on one counter are its tighter one.
            var periodLimits = limits.PeriodLimits.GroupBy(static l => (l.Period, l.PerCustomer)).Select(static g => g.MinBy(static l => l.Max)!).ToArray();
            var periods = new CountedPeriod[periodLimits.Length];
            for (var l = 0; l < periods.Length; l++)
            {
                var limit = periodLimits[l];
                periods[l] = new CountedPeriod(PeriodKeys.Of(limit.Period, now), limit.PerCustomer);
                changes.Add(new CountChange(i, limit.PerCustomer ? CounterKind.CustomerPeriod : CounterKind.PromotionPeriod, part.PromotionId,
                    limit.PerCustomer ? part.CustomerId : null, 1, limit.Max, periods[l].Period));
            }

            if (charged)
            {
                var amount = Money.ToMinor(part.DiscountAmount, part.Currency);
                var at = budgets.FindIndex(b => string.Equals(b.CampaignId, part.CampaignId, StringComparison.Ordinal));
                if (at < 0)
                {
                    budgets.Add(new BudgetChange(i, part.CampaignId!, part.Currency, amount, Money.ToMinor(limits.BudgetAmount!.Value, part.Currency)));
                }
                else
                {
                    // The campaign keeps its place in the check order (its first part), now charged for this part too.
                    budgets[at] = budgets[at] with { Part = i, AmountMinor = budgets[at].AmountMinor + amount };
                }
            }

            parts[i] = part with { BudgetCharged = charged, UpdatedAt = now, Periods = periods };
        }

        changes.AddRange(budgets);
        var after = order with { Redemptions = parts };
        var events = after.Status == RedemptionStatus.Confirmed
            ? parts.Select(p => (DomainEvent)RedemptionEvents.Recorded(p, clock)).ToArray()
            : [];
        return new LedgerPlan(after, null, null, changes, events);
    }

    /// <summary>Turns a live hold into a redemption; a hold past its expiry is expired instead.</summary>
    public static Result<LedgerPlan> Confirm(OrderRedemption stored, long version, DateTimeOffset now, TimeProvider clock)
    {
        if (EndOfHold(stored, version, now, clock) is { } ended)
        {
            return ended;
        }

        var after = stored.WithEach(p => p with { Status = RedemptionStatus.Confirmed, ExpiresAt = null, UpdatedAt = now });
        return new LedgerPlan(after, version, RedemptionStatus.Reserved, [],
            after.Redemptions.Select(p => (DomainEvent)RedemptionEvents.Recorded(p, clock)).ToArray());
    }

    /// <summary>Ends a live hold and gives its capacity back; a hold past its expiry is expired instead.</summary>
    public static Result<LedgerPlan> Release(OrderRedemption stored, long version, DateTimeOffset now, TimeProvider clock)
    {
        if (EndOfHold(stored, version, now, clock) is { } ended)
        {
            return ended;
        }

        var after = stored.WithEach(p => p with { Status = RedemptionStatus.Released, UpdatedAt = now });
        return new LedgerPlan(after, version, RedemptionStatus.Reserved, GiveBack(stored, AllRemaining(stored), uses: true, now),
            after.Redemptions.Select(p => (DomainEvent)RedemptionEvents.Released(p, clock)).ToArray());
    }

    /// <summary>The expiry of a hold whose time is up; null when it is not (any longer) a hold past its time.</summary>
    public static LedgerPlan? Expire(OrderRedemption stored, long version, DateTimeOffset now, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.Status != RedemptionStatus.Reserved || stored.ExpiresAt > now)
        {
            return null;
        }

        var after = stored.WithEach(p => p with { Status = RedemptionStatus.Expired, UpdatedAt = now });
        return new LedgerPlan(after, version, RedemptionStatus.Reserved, GiveBack(stored, AllRemaining(stored), uses: true, now),
            after.Redemptions.Select(p => (DomainEvent)RedemptionEvents.Expired(p, clock)).ToArray());
    }

    /// <summary>
    /// A reversal of every part together: each gives back what its own recorded allocation gave the returned
    /// units (<see cref="ReversalPlanner"/>), each budget is given back once, and a full reversal gives back every
    /// code use, cap and quota.
    /// </summary>
    public static Result<LedgerPlan> Reverse(OrderRedemption stored, long version, ReverseCommand command, DateTimeOffset now, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(command);
        var plans = new ReversalPlan[stored.Redemptions.Count];
        for (var i = 0; i < plans.Length; i++)
        {
            var plan = ReversalPlanner.Plan(stored.Redemptions[i], command.Lines);
            if (!plan.IsSuccess)
            {
                return Result<LedgerPlan>.Fail(plan.Errors);
            }

            plans[i] = plan.Value;
        }

        var full = plans.All(static p => p.Full);
        var after = stored with { Redemptions = plans.Select(p => p.After with { UpdatedAt = now }).ToArray() };
        var promotions = plans.Select((p, i) => new ReversedPromotion(after.Redemptions[i].Id, after.Redemptions[i].PromotionId, p.Amount, p.Lines)).ToArray();
        var lines = plans.SelectMany(static p => p.Lines)
            .GroupBy(static l => l.LineId, StringComparer.Ordinal)
            .Select(g => new ReversedLine(g.Key, g.First().Quantity, g.Sum(static l => l.Amount)))
            .OrderBy(static l => l.LineId, StringComparer.Ordinal)
            .ToArray();
        var reversal = new Reversal(command.ReversalId, stored.Id, plans.Sum(static p => p.Amount), stored.Currency, full, lines, now, after)
        {
            Promotions = promotions,
        };
        var events = new List<DomainEvent>();
        for (var i = 0; i < plans.Length; i++)
        {
            if (plans[i].Amount > 0m || plans[i].Full)
            {
                events.Add(RedemptionEvents.Reversed(command.ReversalId, after.Redemptions[i], plans[i], now, clock));
            }
        }

        return new LedgerPlan(after, version, stored.Status, GiveBack(stored, plans.Select(static p => p.Amount).ToArray(), full, now), events)
        {
            Reversal = reversal,
        };
    }

    /// <summary>Null when the hold is live; otherwise what a confirm or release must do instead (expire it, or refuse).</summary>
    private static Result<LedgerPlan>? EndOfHold(OrderRedemption stored, long version, DateTimeOffset now, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (Expire(stored, version, now, clock) is { } expiry)
        {
            return expiry with { ThenRefuse = LedgerRefusals.Of(RedemptionRejections.ReservationExpired) };
        }

        if (stored.Status == RedemptionStatus.Reserved)
        {
            return null;
        }

        return Result<LedgerPlan>.Fail(LedgerRefusals.NotLive(stored.Status));
    }

    private static decimal[] AllRemaining(OrderRedemption order) => order.Redemptions.Select(static p => p.RemainingDiscount).ToArray();

    /// <summary>
    /// Gives back <paramref name="amounts"/> (per part) to the budgets they were charged to, one change per budget,
    /// and, with <paramref name="uses"/>, every part's promotion count, customer count, period counts and code use.
    /// A period count goes back to the period the part was counted in, while that period lasts: once it has ended,
    /// its counter limits nothing any more, and is left as it was.
    /// </summary>
    private static List<LedgerChange> GiveBack(OrderRedemption order, decimal[] amounts, bool uses, DateTimeOffset now)
    {
        var changes = new List<LedgerChange>();
        var budgets = new Dictionary<string, (int Last, long Amount)>(StringComparer.Ordinal);
        for (var i = 0; i < order.Redemptions.Count; i++)
        {
            var part = order.Redemptions[i];
            if (part is { BudgetCharged: true, CampaignId: { } campaign } && amounts[i] > 0m)
            {
                budgets[campaign] = (i, budgets.GetValueOrDefault(campaign).Amount + Money.ToMinor(amounts[i], part.Currency));
            }

            if (!uses)
            {
                continue;
            }

            changes.Add(new CountChange(i, CounterKind.Promotion, part.PromotionId, null, -1, null));
            if (part.CustomerId is { } customer)
            {
                changes.Add(new CountChange(i, CounterKind.Customer, part.PromotionId, customer, -1, null));
            }

            foreach (var period in part.Periods.Where(p => PeriodKeys.End(p.Period) > now))
            {
                changes.Add(new CountChange(i, period.PerCustomer ? CounterKind.CustomerPeriod : CounterKind.PromotionPeriod, part.PromotionId,
                    period.PerCustomer ? part.CustomerId : null, -1, null, period.Period));
            }

            if (part.Code is { } code)
            {
                changes.Add(new ReturnCode(i, code));
            }
        }

        changes.InsertRange(0, budgets.Select(b => new BudgetChange(b.Value.Last, b.Key, order.Currency, -b.Value.Amount, null)));
        return changes;
    }
}
