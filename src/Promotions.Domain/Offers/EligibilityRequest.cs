using Promotions.Domain.Carts;
using Promotions.Domain.Customers;
using Promotions.Domain.Rules;

namespace Promotions.Domain.Offers;

/// <summary>
/// One request's facts, evaluated once and shared by every promotion it is checked against: the profile (with
/// its dynamic segments already resolved), the cart if any, the channel and the request's clock reading.
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

    internal EvaluationContext Context { get; }
}
