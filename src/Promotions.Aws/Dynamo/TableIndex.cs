namespace Promotions.Aws.Dynamo;

/// <summary>One of the main table's general indexes: its name and key attributes.</summary>
internal sealed record TableIndex(string Name, string PartitionKey, string SortKey)
{
    /// <summary>Lists, codes by promotion, pending outbox, holds by expiry.</summary>
    public static TableIndex Gsi1 { get; } = new(TableLayout.Gsi1, TableLayout.Gsi1Pk, TableLayout.Gsi1Sk);

    /// <summary>Live promotions, unfinished code jobs.</summary>
    public static TableIndex Gsi2 { get; } = new(TableLayout.Gsi2, TableLayout.Gsi2Pk, TableLayout.Gsi2Sk);

    /// <summary>Campaigns and promotions by the instant their next schedule step falls due.</summary>
    public static TableIndex Gsi3 { get; } = new(TableLayout.Gsi3, TableLayout.Gsi3Pk, TableLayout.Gsi3Sk);
}
