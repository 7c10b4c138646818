namespace Promotions.Domain.Redemptions;

/// <summary>
/// The redemption of one order: every promotion its quote applied (codes and automatic ones) as one
/// <see cref="Redemption"/> each, recorded, held, confirmed, released and reversed together. The parts share this
/// record's state: they are created, changed and stored as one, so <see cref="Status"/> is theirs.
/// </summary>
/// <param name="Lines">The order's lines as quoted: units and their amount before any discount.</param>
/// <param name="Redemptions">One per applied promotion, in the order the quote applied them; never empty.</param>
public sealed record OrderRedemption(
    string Id,
    string OrderId,
    string? CustomerId,
    string Channel,
    string Currency,
    decimal Subtotal,
    decimal Shipping,
    IReadOnlyList<OrderLine> Lines,
    IReadOnlyList<Redemption> Redemptions,
    DateTimeOffset RedeemedAt)
{
    /// <summary>The fingerprint of the quote that was redeemed (<c>QuoteFingerprint</c>).</summary>
    public string? QuoteFingerprint { get; init; }

    /// <summary>Who redeemed it: the token's subject (a user or a machine client).</summary>
    public string? CallerId { get; init; }

    /// <summary>The partner network the calling client is bound to, when it is.</summary>
    public string? PartnerId { get; init; }

    public RedemptionStatus Status => Redemptions[0].Status;

    public DateTimeOffset? ExpiresAt => Redemptions[0].ExpiresAt;

    public DateTimeOffset UpdatedAt => Redemptions[0].UpdatedAt;

    /// <summary>The whole discount: every part's line and shipping discount.</summary>
    public decimal Discount => Redemptions.Sum(static r => r.DiscountAmount);

    /// <summary>What reversals gave back so far, over every part.</summary>
    public decimal ReversedAmount => Redemptions.Sum(static r => r.ReversedAmount);

    /// <summary>What the customer paid: subtotal and shipping less the discount.</summary>
    public decimal Total => Subtotal + Shipping - Discount;

    /// <summary>
    /// An order of one promotion's redemption sharing its id (how a ledger written before whole-cart redemptions
    /// stored it, and the shortest way to name a single redemption).
    /// </summary>
    public static OrderRedemption Of(Redemption redemption)
    {
        ArgumentNullException.ThrowIfNull(redemption);
        var lines = redemption.Lines.Select(static l => new OrderLine(l.LineId, l.Quantity, 0m)).ToArray();
        return new OrderRedemption(
            redemption.Id, redemption.OrderId, redemption.CustomerId, redemption.Channel, redemption.Currency,
            redemption.OrderTotal, 0m, lines, [redemption], redemption.RedeemedAt);
    }

    /// <summary>This order with every part replaced by <paramref name="change"/>'s result.</summary>
    public OrderRedemption WithEach(Func<Redemption, Redemption> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return this with { Redemptions = Redemptions.Select(change).ToArray() };
    }
}

/// <summary>One order line: its units and their amount (all units) before any discount.</summary>
public sealed record OrderLine(string LineId, int Quantity, decimal Amount);
