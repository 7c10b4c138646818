using Amazon.DynamoDBv2.Model;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Redemptions;

namespace Promotions.Aws.Redemptions;

/// <summary>
/// The ledger's two changes to a code item (written by the catalog: <c>id, promotionId, uses, maxUses, active,
/// expiresAt</c> in UTC ticks, absent for never, <c>assignedCustomerId</c>, absent for anyone): one use, conditioned on
/// everything about the code, and a use given back. A refused use returns the code's old image, which says exactly
/// why; a missing code returns none and is the only <c>unknown_code</c>.
/// </summary>
internal static class CodeUse
{
    public static TransactWriteItem Use(string table, string code, string promotionId, string? customerId, DateTimeOffset now)
    {
        var e = new Expr();
        var uses = e["uses"];
        var assigned = e["assignedCustomerId"];
        var expiresAt = e["expiresAt"];
        var forCustomer = customerId is null
            ? $"attribute_not_exists({assigned})"
            : $"(attribute_not_exists({assigned}) OR {assigned} = {e.Value(customerId)})";
        var condition = $"{e["promotionId"]} = {e.Value(promotionId)} AND {e["active"]} = {e.Value(Attr.Bool(true))} AND {uses} < {e["maxUses"]}"
            + $" AND (attribute_not_exists({expiresAt}) OR {expiresAt} > {e.Value(now.UtcTicks)}) AND {forCustomer}";
        return e.Update(table, LedgerItems.Code(code), $"ADD {uses} {e.Value(1)}", condition, returnOldOnFailure: true);
    }

    /// <summary>What decides why a use was refused, from the code's image before the transaction (null: no such code).</summary>
    public static CodeState? StateOf(Dictionary<string, AttributeValue>? old) =>
        old?.GetS("promotionId") is { } promotionId
            ? new CodeState(promotionId, old.GetBool("active") == true,
                old.GetN("expiresAt") is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null, old.GetS("assignedCustomerId"))
            : null;

    /// <summary>Gives a use back; refused (and then left out by the caller) when the code is gone or has no use to give back.</summary>
    public static TransactWriteItem GiveBack(string table, string code)
    {
        var e = new Expr();
        var uses = e["uses"];
        return e.Update(table, LedgerItems.Code(code), $"ADD {uses} {e.Value(-1)}", $"{uses} > {e.Value(0)}");
    }
}
