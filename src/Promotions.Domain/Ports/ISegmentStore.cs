using Promotions.Domain.Common;
using Promotions.Domain.Segments;

namespace Promotions.Domain.Ports;

/// <summary>Customer segments.</summary>
public interface ISegmentStore
{
    Task<Segment?> GetAsync(string id, CancellationToken ct);

    Task<Page<Segment>> ListAsync(ListQuery page, CancellationToken ct);

    /// <summary>Every segment with criteria: membership is computed from them when a profile is evaluated.</summary>
    Task<IReadOnlyList<Segment>> ListAllAsync(CancellationToken ct);

    Task<WriteResult<Segment>> CreateAsync(Segment segment, CancellationToken ct);

    Task<WriteResult<Segment>> UpdateAsync(Segment segment, long expectedVersion, CancellationToken ct);

    Task<WriteStatus> DeleteAsync(string id, long expectedVersion, CancellationToken ct);
}
