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
}
