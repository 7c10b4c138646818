using Promotions.Domain.Customers;
using Promotions.Domain.Offers;
using Promotions.Domain.Ports;
using Promotions.Domain.Rules;

namespace Promotions.Domain.Segments;

/// <summary>
/// Who belongs to a segment, decided once: a customer listed in it by id (their stored <c>segmentIds</c>), or one whose
/// profile meets its criteria at the instant asked, exactly as offers complete a profile's segments
/// (<see cref="CustomerResolver.WithSegments"/>). A segment without criteria is read through the customers' segment
/// index; one with criteria is a pass over every customer, in id order.
/// </summary>
public sealed class SegmentMembers
{
    private const int PageSize = 200;

    private readonly ICustomerStore _customers;
    private readonly Segment _segment;
    private readonly CompiledSegment? _criteria;

    public SegmentMembers(ICustomerStore customers, Segment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        _customers = customers;
        _segment = segment;
        _criteria = segment.Criteria is null ? null : PromotionCompiler.Compile(segment).Value;
    }

    /// <summary>True when the customer belongs to the segment at <paramref name="now"/>.</summary>
    public bool Contains(Customer customer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return customer.SegmentIds.Contains(_segment.Id, StringComparer.Ordinal)
            || (_criteria is { } criteria && criteria.Criteria.Evaluate(EvaluationContext.Create(CustomerProfile.From(customer), null, null, now)));
    }

    /// <summary>
    /// The members after customer id <paramref name="after"/>, in id order, until <paramref name="take"/> answers false
    /// for one (that one is the last given) or the customers run out.
    /// </summary>
    public async Task EnumerateAsync(string? after, DateTimeOffset now, Func<Customer, Task<bool>> take, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(take);
        var filter = _criteria is null ? new CustomerFilter(_segment.Id) : new CustomerFilter();
        while (true)
        {
            var page = await _customers.ListAsync(filter, new ListQuery(after, PageSize), ct);
            foreach (var customer in page.Items)
            {
                if (Contains(customer, now) && !await take(customer))
                {
                    return;
                }
            }

            if (page.NextCursor is null || page.Items.Count == 0)
            {
                return;
            }

            after = page.Items[^1].Id;
        }
    }
}
