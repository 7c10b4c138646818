using Promotions.Domain.Carts;
using Promotions.Domain.Customers;
using Promotions.Domain.Redemptions;
using Promotions.Domain.Rules;

namespace Promotions.Domain.Offers;

/// <summary>
/// One request's facts, evaluated once and shared by every promotion it is checked against: the profile (with
/// its dynamic segments already resolved), the cart if any, the channel, the request's clock reading and, for
/// offers and quotes, the ledger's usage counters.
/// </summary>
public sealed class EligibilityRequest
{
    public EligibilityRequest(CustomerProfile customer, Cart? cart, string channel, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(customer);
        Customer = customer;
        Cart = cart;
        Channel = channel;
        Now = now;
        Context = EvaluationContext.Create(customer, cart, channel, now);
    }

    public CustomerProfile Customer { get; }

    public Cart? Cart { get; }

    public string Channel { get; }

    public DateTimeOffset Now { get; }

    /// <summary>
    /// The ledger's counters to judge caps, the customer's limit and budgets by; null when the caller leaves
    /// every limit to the ledger (the redemption path, whose atomic step decides them anyway).
    /// </summary>
    public UsageCounts? Usage { get; init; }

    internal EvaluationContext Context { get; }
}
