using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using Promotions.Aws.Configuration;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Codes;
using Promotions.Domain.Common;
using Promotions.Domain.Events;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Codes;

/// <summary>
/// Promo codes on DynamoDB, one item per code keyed by the normalized code (the key makes codes unique across
/// promotions). A batch is stored by transactions of at most <see cref="CodesPerTransaction"/> conditional puts,
/// each with the update of the promotion's code count and its <c>codes_generated</c> event: a transaction is
/// cancelled whole when one code exists already, its cancellation reasons name those codes, and the rest is sent
/// again without them. Codes repeated within the batch are refused before anything is sent (a transaction may not
/// touch one item twice), the first copy being the one stored.
/// </summary>
internal sealed class DynamoDbCodeStore(IAmazonDynamoDB dynamo, IOptions<AwsOptions> options, TimeProvider clock) : ICodeStore
{
    /// <summary>100 items per transaction: the codes, the count update and the outbox event.</summary>
    public const int CodesPerTransaction = 98;

    private const int ExportPage = 1000;

    private readonly string _table = options.Value.Table;

    public async Task<CodeInsertResult> InsertAsync(string jobId, IReadOnlyList<PromoCode> codes, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        if (CodeBatch.PromotionOf(codes) is not { } promotionId)
        {
            return new CodeInsertResult(0, []);
        }

        var seen = new HashSet<string>(codes.Count, StringComparer.Ordinal);
        var unique = new List<PromoCode>(codes.Count);
        var duplicates = new List<string>();
        foreach (var code in codes)
        {
            if (seen.Add(code.Code))
            {
                unique.Add(code);
            }
            else
            {
                duplicates.Add(code.Code);
            }
        }

        var inserted = 0;
        foreach (var chunk in unique.Chunk(CodesPerTransaction))
        {
            inserted += await InsertChunkAsync(promotionId, jobId, [.. chunk], duplicates, ct);
        }

        return new CodeInsertResult(inserted, duplicates);
    }

    public async Task<PromoCode?> FindAsync(string normalizedCode, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(normalizedCode) || !KeyLimits.FitsPartitionKey(CodeItems.Prefix + normalizedCode))
        {
            return null;
        }

        var response = await dynamo.GetItemAsync(new GetItemRequest { TableName = _table, Key = CodeItems.Key(normalizedCode), ConsistentRead = true }, ct);
        return response.Item is { Count: > 0 } item ? CodeItems.Read(item) : null;
    }

    public async Task<Page<PromoCode>> ListAsync(string promotionId, ListQuery page, CancellationToken ct)
    {
        var fetch = Pages.FetchSize(page);
        var items = await IndexQuery.ReadAsync(dynamo, _table, TableIndex.Gsi1, CodeItems.ListPartition(promotionId), page.After, fetch, null, ct);
        return Pages.ToPage([.. items.Select(CodeItems.Read)], page.Limit, c => c.Id);
    }

    /// <summary>From the count item the inserts keep, not by counting codes.</summary>
    public async Task<long> CountAsync(string promotionId, CancellationToken ct)
    {
        if (!KeyLimits.FitsPartitionKey(CodeItems.CountPrefix + promotionId))
        {
            return 0;
        }

        var response = await dynamo.GetItemAsync(new GetItemRequest { TableName = _table, Key = CodeItems.CountKey(promotionId), ConsistentRead = true }, ct);
        return response.Item?.GetN("count") ?? 0;
    }

    /// <summary>Streams query pages of the promotion's index partition, so an export of millions never sits in memory.</summary>
    public async IAsyncEnumerable<PromoCode> ExportAsync(string promotionId, [EnumeratorCancellation] CancellationToken ct)
    {
        string? after = null;
        while (true)
        {
            var items = await IndexQuery.ReadAsync(dynamo, _table, TableIndex.Gsi1, CodeItems.ListPartition(promotionId), after, ExportPage, null, ct);
            foreach (var item in items)
            {
                yield return CodeItems.Read(item);
            }

            if (items.Count < ExportPage)
            {
                yield break;
            }

            after = items[^1].GetS(TableLayout.Gsi1Sk);
        }
    }

    /// <summary>Stores the codes of <paramref name="pending"/> that are new; adds the others to <paramref name="duplicates"/>.</summary>
    private async Task<int> InsertChunkAsync(string promotionId, string jobId, List<PromoCode> pending, List<string> duplicates, CancellationToken ct)
    {
        while (pending.Count > 0)
        {
            var generated = CatalogEvents.CodesGenerated(promotionId, jobId, pending.Count, clock);
            List<TransactWriteItem> items =
            [
                .. pending.Select(code => new TransactWriteItem
                {
                    Put = new Put { TableName = _table, Item = CodeItems.Item(code), ConditionExpression = "attribute_not_exists(pk)" },
                }),
                new TransactWriteItem
                {
                    Update = new Update
                    {
                        TableName = _table,
                        Key = CodeItems.CountKey(promotionId),
                        UpdateExpression = "ADD #count :n",
                        ExpressionAttributeNames = new() { ["#count"] = "count" },
                        ExpressionAttributeValues = new() { [":n"] = Attr.N(pending.Count) },
                    },
                },
                OutboxItems.Put(_table, generated),
            ];

            var reasons = await Transactions.WriteAsync(dynamo, items, ct);
            if (reasons is null)
            {
                return pending.Count;
            }

            var taken = Enumerable.Range(0, pending.Count).Where(i => Transactions.Failed(reasons, i)).ToHashSet();
            if (taken.Count == 0)
            {
                throw new InvalidOperationException($"A code batch of promotion {promotionId} was refused by the condition of its count or event item.");
            }

            duplicates.AddRange(taken.Select(i => pending[i].Code));
            pending = [.. pending.Where((_, i) => !taken.Contains(i))];
        }

        return 0;
    }
}
