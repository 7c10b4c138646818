using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Assets;

namespace Promotions.Aws.Assets;

/// <summary>
/// The asset row of the main table (docs/dynamodb.md): <c>ASSET#&lt;id&gt;</c> / <c>#META</c> with the metadata as
/// <c>doc</c>. A ready asset is listed in <c>gsi1</c> under <c>ASSETS</c>; a pending one (an upload session) is
/// not, and carries a <c>ttl</c> at the end of its session so DynamoDB drops it if it is never completed.
/// </summary>
internal static class AssetItems
{
    public const string PkPrefix = "ASSET#";
    public const string Sk = "#META";
    public const string ListPartition = "ASSETS";
    public const string Status = "status";

    public static Dictionary<string, AttributeValue> Key(string id) => Attr.Key(PkPrefix + id, Sk);

    public static Dictionary<string, AttributeValue> Item(Asset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        var item = Key(asset.Id);
        item["doc"] = Attr.S(JsonSerializer.Serialize(asset, AssetJson.Default.Asset));
        item[Status] = Attr.S(asset.Status == AssetStatus.Ready ? "ready" : "pending");
        if (asset.Status == AssetStatus.Ready)
        {
            item[TableLayout.Gsi1Pk] = Attr.S(ListPartition);
            item[TableLayout.Gsi1Sk] = Attr.S(asset.Id);
        }
        else if (asset.PendingUntil is { } until)
        {
            item[TableLayout.Ttl] = Attr.N(until.ToUnixTimeSeconds());
        }

        return item;
    }

    public static Asset FromItem(Dictionary<string, AttributeValue> item) =>
        JsonSerializer.Deserialize(item.GetS("doc") ?? throw new InvalidDataException("An asset item has no doc."), AssetJson.Default.Asset)
        ?? throw new InvalidDataException("A null asset document is stored.");
}
