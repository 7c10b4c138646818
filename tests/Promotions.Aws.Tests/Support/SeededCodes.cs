using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Codes;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Tests.Support;

/// <summary>
/// Code items written and read with the layout of docs/dynamodb.md (<c>CODE#&lt;normalized&gt;</c> / <c>#META</c>:
/// <c>id, promotionId, uses, maxUses, active, expiresAt</c> in UTC ticks, absent for never, <c>assignedCustomerId</c>,
/// absent for anyone; <c>gsi1</c> <c>CODES#&lt;promotionId&gt;</c> / <c>&lt;id&gt;</c>): the seeding seam of the ledger tests
/// until the catalog's DynamoDB code store exists, which then takes its place. Only what the ledger tests and the
/// Redemption service use is here: insert and find.
/// </summary>
public sealed class SeededCodes(IAmazonDynamoDB dynamo, string table) : ICodeStore
{
    public async Task<CodeInsertResult> InsertAsync(IReadOnlyList<PromoCode> codes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var duplicates = new List<string>();
        foreach (var code in codes)
        {
            try
            {
                await dynamo.PutItemAsync(new PutItemRequest { TableName = table, Item = Item(code), ConditionExpression = "attribute_not_exists(pk)" }, ct);
            }
            catch (ConditionalCheckFailedException)
            {
                duplicates.Add(code.Code);
            }
        }

        return new CodeInsertResult(codes.Count - duplicates.Count, duplicates);
    }

    public async Task<PromoCode?> FindAsync(string normalizedCode, CancellationToken ct)
    {
        var response = await dynamo.GetItemAsync(new GetItemRequest { TableName = table, Key = Attr.Key("CODE#" + normalizedCode, "#META"), ConsistentRead = true }, ct);
        if (response.Item is not { Count: > 0 } item)
        {
            return null;
        }

        DateTimeOffset? expiresAt = item.GetN("expiresAt") is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
        return new PromoCode(item.GetS("id")!, item.GetS("promotionId")!, normalizedCode, (int)item.GetN("uses")!, (int)item.GetN("maxUses")!,
            item.GetBool("active") == true, expiresAt, item.GetS("assignedCustomerId"));
    }

    public Task<Page<PromoCode>> ListAsync(string promotionId, ListQuery page, CancellationToken ct) => throw NotSeeding();

    public Task<long> CountAsync(string promotionId, CancellationToken ct) => throw NotSeeding();

    public IAsyncEnumerable<PromoCode> ExportAsync(string promotionId, CancellationToken ct) => throw NotSeeding();

    private static Dictionary<string, AttributeValue> Item(PromoCode code)
    {
        var item = Attr.Key("CODE#" + code.Code, "#META");
        item["id"] = Attr.S(code.Id);
        item["promotionId"] = Attr.S(code.PromotionId);
        item["uses"] = Attr.N(code.Uses);
        item["maxUses"] = Attr.N(code.MaxUses);
        item["active"] = Attr.Bool(code.Active);
        item[TableLayout.Gsi1Pk] = Attr.S("CODES#" + code.PromotionId);
        item[TableLayout.Gsi1Sk] = Attr.S(code.Id);
        if (code.ExpiresAt is { } expiresAt)
        {
            item["expiresAt"] = Attr.N(expiresAt.UtcTicks);
        }

        if (code.AssignedCustomerId is { } customer)
        {
            item["assignedCustomerId"] = Attr.S(customer);
        }

        return item;
    }

    private static NotSupportedException NotSeeding() =>
        new("Listing codes belongs to the catalog's DynamoDB code store; this seam only seeds and reads codes for the ledger tests.");
}
