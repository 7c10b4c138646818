namespace Promotions.Embedded.Storage;

/// <summary>Instants as UTC ticks: exact, and comparable as integers in SQL.</summary>
internal static class SqlTime
{
    public static object ToDb(DateTimeOffset? value) => value is { } v ? v.UtcTicks : DBNull.Value;

    public static DateTimeOffset? FromDb(object value) =>
        value is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
}
