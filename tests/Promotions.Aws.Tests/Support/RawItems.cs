using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Promotions.Aws.Tests.Support;

/// <summary>Items as DynamoDB holds them, read with the low-level client, for tests of what is stored.</summary>
public static class RawItems
{
    /// <summary>Every item of <paramref name="table"/> (a scan over all pages).</summary>
    public static async Task<List<Dictionary<string, AttributeValue>>> ScanAsync(IAmazonDynamoDB dynamo, string table)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamo.ScanAsync(new ScanRequest { TableName = table, ExclusiveStartKey = start, ConsistentRead = true });
            items.AddRange(page.Items ?? []);
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        return items;
    }

    /// <summary>
    /// Every text an item carries: attribute names, strings, numbers, binaries (as UTF-8 and as base64), set members, and
    /// the same inside lists and maps, at any depth.
    /// </summary>
    public static IEnumerable<string> Texts(Dictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.SelectMany(a => Texts(a.Value).Prepend(a.Key));
    }

    private static IEnumerable<string> Texts(AttributeValue value)
    {
        var texts = new List<string>();
        if (value.S is { } s)
        {
            texts.Add(s);
        }

        if (value.N is { } n)
        {
            texts.Add(n);
        }

        texts.AddRange(value.SS ?? []);
        texts.AddRange(value.NS ?? []);
        foreach (var bytes in (value.BS ?? []).Append(value.B).OfType<MemoryStream>().Select(b => b.ToArray()))
        {
            texts.Add(Encoding.UTF8.GetString(bytes));
            texts.Add(Convert.ToBase64String(bytes));
        }

        texts.AddRange((value.L ?? []).SelectMany(Texts));
        texts.AddRange((value.M ?? []).SelectMany(a => Texts(a.Value).Prepend(a.Key)));
        return texts;
    }
}
