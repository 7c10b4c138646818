using System.Globalization;
using Promotions.Domain.Analytics;

namespace Promotions.Aws.Analytics;

/// <summary>
/// The items of the analytics table (docs/dynamodb.md, "Analytics table"). Free text in a sort key (a currency,
/// a breakdown value) is written with its length in front, so no two cells can share a key whatever characters
/// the values hold; the day comes first, so a day range is one key range.
/// </summary>
internal static class AnalyticsKeys
{
    /// <summary>Items per cell and day are spread over this many shards, so one busy cell is not one hot item.</summary>
    public const int CellShards = 8;

    public const string ProcessedSk = "#PROCESSED";

    private const string UlidAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>The claim of a whole event: written last, in the transaction of its last sums.</summary>
    public static (string Pk, string Sk) Processed(string eventId) => ("EVENT#" + eventId, ProcessedSk);

    /// <summary>The claim of one part of an event's own sums, when they take more than one transaction.</summary>
    public static (string Pk, string Sk) EventPart(string eventId, int part) => ("EVENT#" + eventId, "#PART#" + Number(part));

    /// <summary>The claim of one part of what a joined pair adds, whichever side of the pair writes it.</summary>
    public static (string Pk, string Sk) PairPart(string pairId, int part) => ("PAIR#" + pairId, "#PART#" + Number(part));

    public static string CellPk(AnalyticsScope scope, string scopeId, AnalyticsDimension dimension) =>
        $"CELL#{Name(scope)}#{scopeId}#{Name(dimension)}";

    public static string CellSk(BucketKey key, int shard) =>
        $"{Day(key.Day)}#{Number(shard)}#{Text(key.Currency)}{key.Value}";

    public static string CustomersPk(AnalyticsScope scope, string scopeId, AnalyticsDimension dimension) =>
        $"CUSTOMERS#{Name(scope)}#{scopeId}#{Name(dimension)}";

    public static string CustomerSk(BucketKey key, string customerId) =>
        $"{Day(key.Day)}#{Text(key.Currency)}{Text(key.Value)}{customerId}";

    /// <summary>The inclusive sort-key bounds of the cells (or customer marks) of a day range.</summary>
    public static (string From, string To) DayRange(DateRange range)
    {
        ArgumentNullException.ThrowIfNull(range);

        // Every key of a day starts "<day>#"; '$' sorts right after '#', so "<to>$" is past the last key of day "to".
        return (Day(range.From), Day(range.To) + "$");
    }

    public static string JoinPk(string joinKey) => "JOIN#" + joinKey;

    public const string FactPrefix = "FACT#";

    public const string LinkPrefix = "LINK#";

    public static string FactSk(string type, string eventId) => $"{FactPrefix}{type}#{eventId}";

    public static string LinkSk(string campaignId) => LinkPrefix + campaignId;

    public static (string Pk, string Sk) Parked(string eventId) => ("PARKED#" + eventId, "#PARKED");

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDay(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A stable shard for the sums one writer adds: ids end in random ULID characters, so they spread evenly.</summary>
    public static int ShardOf(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var index = UlidAlphabet.IndexOf(id[^1], StringComparison.Ordinal);
        return (index >= 0 ? index : id[^1]) % CellShards;
    }

    public static string Name(AnalyticsScope scope) => scope.ToString().ToLowerInvariant();

    public static string Name(AnalyticsDimension dimension) => dimension.ToString().ToLowerInvariant();

    private static string Text(string value) => value.Length.ToString(CultureInfo.InvariantCulture) + ":" + value;

    private static string Number(int value) => value.ToString("D2", CultureInfo.InvariantCulture);
}
