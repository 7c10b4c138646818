using Promotions.Domain.Carts;
using Promotions.Domain.Customers;
using Promotions.Domain.Discounts;

namespace Promotions.Domain.Offers;

/// <summary>A validated cart to quote, for a resolved profile on a channel, with the codes as entered.</summary>
public sealed record QuoteRequest(Cart Cart, CustomerProfile Customer, string Channel, IReadOnlyList<string> Codes)
{
    /// <summary>The guardrails of the quote; <see cref="QuotePolicy.Default"/> unless the host configures others.</summary>
    public QuotePolicy Policy { get; init; } = QuotePolicy.Default;
}
