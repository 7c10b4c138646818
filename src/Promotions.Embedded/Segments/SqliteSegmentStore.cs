using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.Domain.Segments;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Segments;

/// <summary>Segments in SQLite.</summary>
internal sealed class SqliteSegmentStore(SqliteDatabase database) : ISegmentStore
{
    private readonly DocumentTable<Segment> _table = new(database, new DocumentSchema<Segment>(
        "segments", DocumentJson.Default.Segment, s => s.Id, (s, version) => s with { Version = version }, []));

    public Task<Segment?> GetAsync(string id, CancellationToken ct) => _table.GetAsync(id, ct);

    public Task<Page<Segment>> ListAsync(ListQuery page, CancellationToken ct) => _table.ListAsync(new SqlConditions(), page, ct);

    /// <summary>Every segment in id order, criteria included; one without criteria has members by id only.</summary>
    public async Task<IReadOnlyList<Segment>> ListAllAsync(CancellationToken ct) =>
        await _table.ListAllAsync(new SqlConditions(), ct);

    public Task<WriteResult<Segment>> CreateAsync(Segment segment, CancellationToken ct) => _table.CreateAsync(segment, ct);

    public Task<WriteResult<Segment>> UpdateAsync(Segment segment, long expectedVersion, CancellationToken ct) =>
        _table.UpdateAsync(segment, expectedVersion, ct);

    public Task<WriteStatus> DeleteAsync(string id, long expectedVersion, CancellationToken ct) =>
        _table.DeleteAsync(id, expectedVersion, ct);
}
