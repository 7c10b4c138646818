using Promotions.Domain.Carts;
using Promotions.Domain.Customers;
using Promotions.Domain.Discounts;

namespace Promotions.Domain.Offers;

/// <summary>A validated cart to quote, for a resolved profile on a channel, with the codes as entered.</summary>
public sealed record QuoteRequest(Cart Cart, CustomerProfile Customer, string Channel, IReadOnlyList<string> Codes)
{
    /// <summary>The guardrails of the quote; <see cref="QuotePolicy.Default"/> unless the host configures others.</summary>
    public QuotePolicy Policy { get; init; } = QuotePolicy.Default;

    /// <summary>
    /// Promotions to leave out, each with the reason the ledger gave for refusing it (a redemption quoting again
    /// after a limit ran out): they are reported as not applied with that reason, and the rest is quoted without them.
    /// </summary>
    public IReadOnlyDictionary<string, string> Excluded { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Whether <see cref="CartQuote.NotApplied"/> explains every promotion that did not apply. Without it, it lists what
    /// the caller can act on: every code sent, every promotion a redemption left out (<see cref="Excluded"/>), and
    /// automatic promotions that say how to qualify (a hint); automatic promotions that lost to a better deal, had
    /// nothing to discount, were not eligible without a hint, ran out or did not fit the stack are left out.
    /// </summary>
    public bool Explain { get; init; }
}
