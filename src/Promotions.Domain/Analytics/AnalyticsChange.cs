using Promotions.Domain.Events;

namespace Promotions.Domain.Analytics;

/// <summary>
/// Everything one event changes, to be written in one transaction with the event's processed mark: cell
/// sums, customer marks, the event itself when later events must join it, and a newly learnt campaign link.
/// </summary>
public sealed record AnalyticsChange(
    IReadOnlyList<Contribution> Contributions,
    IReadOnlyList<CustomerMark> Customers,
    DomainEvent? Remember,
    PromotionLink? Link)
{
    public static AnalyticsChange None { get; } = new([], [], null, null);
}
