using Amazon.DynamoDBv2;
using Microsoft.Extensions.Options;
using Promotions.Aws.Configuration;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.Domain.Segments;

namespace Promotions.Aws.Catalog;

/// <summary>Segments on DynamoDB (<c>SEGMENT#&lt;id&gt;</c>).</summary>
internal sealed class DynamoDbSegmentStore(IAmazonDynamoDB dynamo, IOptions<AwsOptions> options) : ISegmentStore
{
    private readonly VersionedItems<Segment> _items = new(dynamo, options.Value.Table, new ItemSchema<Segment>(
        "SEGMENT#", "SEGMENTS", DocumentJson.Default.Segment, s => s.Id, s => s.Version, (s, version) => s with { Version = version }));

    public Task<Segment?> GetAsync(string id, CancellationToken ct) => _items.GetAsync(id, ct);

    public Task<Page<Segment>> ListAsync(ListQuery page, CancellationToken ct) => _items.ListAsync(ItemFilter.None, page, ct);

    /// <summary>Every segment in id order, criteria included; one without criteria has members by id only.</summary>
    public async Task<IReadOnlyList<Segment>> ListAllAsync(CancellationToken ct) => await _items.ListAllAsync(ItemFilter.None, ct);

    public Task<WriteResult<Segment>> CreateAsync(Segment segment, CancellationToken ct) => _items.CreateAsync(segment, [], ct);

    public Task<WriteResult<Segment>> UpdateAsync(Segment segment, long expectedVersion, CancellationToken ct) =>
        _items.UpdateAsync(segment, expectedVersion, [], ct);

    public Task<WriteStatus> DeleteAsync(string id, long expectedVersion, CancellationToken ct) => _items.DeleteAsync(id, expectedVersion, [], ct);
}
