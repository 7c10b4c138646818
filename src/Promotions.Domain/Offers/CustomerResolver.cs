using Promotions.Domain.Common;
using Promotions.Domain.Customers;
using Promotions.Domain.Ports;
using Promotions.Domain.Rules;

namespace Promotions.Domain.Offers;

/// <summary>
/// Finds the profile a request is about — a stored customer by id, an inline profile, or the anonymous one —
/// and completes its segments: stored segment ids plus every segment whose criteria hold for the profile.
/// </summary>
public sealed class CustomerResolver(ICustomerStore customers)
{
    /// <summary>Error code of a customer id that names no customer (HTTP 404).</summary>
    public const string UnknownCustomer = "unknown_customer";

    public async Task<Result<CustomerProfile>> ResolveAsync(
        string? customerId, CustomerProfile? inline, CatalogSnapshot snapshot, DateTimeOffset now, CancellationToken ct)
    {
        CustomerProfile profile;
        if (customerId is not null)
        {
            var stored = await customers.GetProfileAsync(customerId, ct);
            if (stored is null)
            {
                return new DomainError(UnknownCustomer, $"No customer with id '{customerId}'.", "$.customerId");
            }

            profile = stored;
        }
        else
        {
            profile = inline ?? CustomerProfile.Anonymous;
        }

        return WithSegments(profile, snapshot, now);
    }

    /// <summary>The profile with the segments whose criteria it meets added to its stored ones.</summary>
    public static CustomerProfile WithSegments(CustomerProfile profile, CatalogSnapshot snapshot, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Segments.Count == 0)
        {
            return profile;
        }

        // Criteria speak about the customer, never about a cart or a channel.
        var context = EvaluationContext.Create(profile, null, null, now);
        var segments = new HashSet<string>(profile.SegmentIds, StringComparer.Ordinal);
        var added = false;
        foreach (var segment in snapshot.Segments)
        {
            if (!segments.Contains(segment.Id) && segment.Criteria.Evaluate(context))
            {
                segments.Add(segment.Id);
                added = true;
            }
        }

        return added ? profile with { SegmentIds = segments.Order(StringComparer.Ordinal).ToArray() } : profile;
    }
}
