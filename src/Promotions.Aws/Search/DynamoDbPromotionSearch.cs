using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using Promotions.Aws.Catalog;
using Promotions.Aws.Configuration;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;

namespace Promotions.Aws.Search;

/// <summary>
/// Promotion search on DynamoDB, ranked in process: each indexed promotion is a small search document
/// (<c>PROMOTION#&lt;id&gt;</c> / <c>#SEARCH</c>, in <c>gsi1</c> under <c>PROMOTIONSEARCH</c>); a process reads them
/// all through that index into a <see cref="SearchIndex"/> and keeps it until the catalog version changes, which every
/// index write moves on in its transaction. Same semantics as the embedded FTS5 search: text searches rank and page by
/// offset, searches without text page by the id keyset. Sized for catalogs of thousands of promotions; docs/aws.md
/// gives the limit and the way to OpenSearch.
/// </summary>
internal sealed class DynamoDbPromotionSearch : IPromotionSearch, IDisposable
{
    public const string Sk = "#SEARCH";
    public const string Partition = "PROMOTIONSEARCH";

    private readonly IAmazonDynamoDB _dynamo;
    private readonly string _table;
    private readonly CatalogVersion _version;
    private readonly TimeProvider _clock;
    private readonly CatalogCache<SearchIndex> _index;

    public DynamoDbPromotionSearch(IAmazonDynamoDB dynamo, IOptions<AwsOptions> options, CatalogVersion version, TimeProvider clock)
    {
        _dynamo = dynamo;
        _table = options.Value.Table;
        _version = version;
        _clock = clock;
        _index = new(version, clock, LoadAsync);
    }

    public async Task IndexAsync(Promotion promotion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        var item = Key(promotion.Id);
        item[TableLayout.Gsi1Pk] = Attr.S(Partition);
        item[TableLayout.Gsi1Sk] = Attr.S(promotion.Id);
        item["doc"] = Attr.S(JsonSerializer.Serialize(SearchDocument.From(promotion), SearchJson.Default.SearchDocument));
        await WriteAsync(new TransactWriteItem { Put = new Put { TableName = _table, Item = item } }, ct);
    }

    public Task RemoveAsync(string promotionId, CancellationToken ct) =>
        KeyLimits.FitsPartitionKey("PROMOTION#" + promotionId)
            ? WriteAsync(new TransactWriteItem { Delete = new Delete { TableName = _table, Key = Key(promotionId) } }, ct)
            : Task.CompletedTask;

    public async Task<Page<string>> SearchAsync(PromotionSearchQuery query, ListQuery page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var fetch = Pages.FetchSize(page);
        var index = await _index.GetAsync(ct);
        var terms = SearchText.Terms(query.Text);
        if (terms.Count == 0)
        {
            return Pages.ToPage([.. index.Filtered(query, page.After).Take(fetch)], page.Limit, id => id);
        }

        var offset = Pages.OffsetOf(page.After);
        var ranked = index.Ranked(query, terms).Skip((int)Math.Min(offset, int.MaxValue)).Take(fetch).ToList();
        return Pages.ToRankedPage(ranked, page.Limit, offset);
    }

    public void Dispose() => _index.Dispose();

    private static Dictionary<string, AttributeValue> Key(string promotionId) => Attr.Key("PROMOTION#" + promotionId, Sk);

    private async Task WriteAsync(TransactWriteItem change, CancellationToken ct)
    {
        if (await Transactions.WriteAsync(_dynamo, [change, _version.Bump(_clock.GetUtcNow())], ct) is not null)
        {
            throw new InvalidOperationException("A search index write has no condition, yet one refused it.");
        }

        _version.Changed();
    }

    private async Task<SearchIndex> LoadAsync(CancellationToken ct)
    {
        var items = await IndexQuery.ReadAsync(_dynamo, _table, TableIndex.Gsi1, Partition, null, null, null, ct);
        return new SearchIndex(items.Select(i => JsonSerializer.Deserialize(i.GetS("doc")!, SearchJson.Default.SearchDocument)!));
    }
}
