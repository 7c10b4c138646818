using Amazon.DynamoDBv2.Model;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Codes;

namespace Promotions.Aws.Codes;

/// <summary>
/// The code item, shared with the redemption ledger (which changes <c>uses</c> in its transactions), so its attribute
/// names are the design's exactly: <c>CODE#&lt;normalized&gt;</c> / <c>#META</c>, in <c>gsi1</c> under
/// <c>CODES#&lt;promotionId&gt;</c> by code id, with <c>id, promotionId, uses, maxUses, active</c>, <c>expiresAt</c>
/// (UTC ticks; absent: never) and <c>assignedCustomerId</c> (absent: anyone). The code count of a promotion is
/// <c>PROMOTION#&lt;id&gt;</c> / <c>#CODES</c>.
/// </summary>
internal static class CodeItems
{
    public const string Prefix = "CODE#";
    public const string Sk = "#META";
    public const string ListPrefix = "CODES#";
    public const string CountPrefix = "PROMOTION#";
    public const string CountSk = "#CODES";

    public static Dictionary<string, AttributeValue> Key(string normalizedCode) => Attr.Key(Prefix + normalizedCode, Sk);

    public static Dictionary<string, AttributeValue> CountKey(string promotionId) => Attr.Key(CountPrefix + promotionId, CountSk);

    public static string ListPartition(string promotionId) => ListPrefix + promotionId;

    public static Dictionary<string, AttributeValue> Item(PromoCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var item = Key(code.Code);
        item[TableLayout.Gsi1Pk] = Attr.S(ListPartition(code.PromotionId));
        item[TableLayout.Gsi1Sk] = Attr.S(code.Id);
        item["id"] = Attr.S(code.Id);
        item["promotionId"] = Attr.S(code.PromotionId);
        item["uses"] = Attr.N(code.Uses);
        item["maxUses"] = Attr.N(code.MaxUses);
        item["active"] = Attr.Bool(code.Active);
        if (code.ExpiresAt is { } expires)
        {
            item["expiresAt"] = Attr.N(expires.UtcTicks);
        }

        if (code.AssignedCustomerId is { } customer)
        {
            item["assignedCustomerId"] = Attr.S(customer);
        }

        return item;
    }

    public static PromoCode Read(Dictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var pk = item.GetS(TableLayout.Pk) ?? throw new InvalidDataException("A code item has no key.");
        return new PromoCode(
            Id: Required(item.GetS("id"), pk, "id"),
            PromotionId: Required(item.GetS("promotionId"), pk, "promotionId"),
            Code: pk[Prefix.Length..],
            Uses: (int)(item.GetN("uses") ?? 0),
            MaxUses: (int)(item.GetN("maxUses") ?? 1),
            Active: item.GetBool("active") ?? true,
            ExpiresAt: item.GetN("expiresAt") is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null,
            AssignedCustomerId: item.GetS("assignedCustomerId"));
    }

    private static string Required(string? value, string pk, string name) =>
        value ?? throw new InvalidDataException($"The code item {pk} has no {name}.");
}
