using System.Text.Json;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Search;

/// <summary>
/// Promotion search on SQLite FTS5: <c>promotion_text</c> holds name and description, <c>promotion_search</c>
/// the filter fields, joined by rowid. Text searches rank by BM25 (the name weighs more) and page by offset;
/// searches without text page by the id keyset like every other list.
/// </summary>
internal sealed class SqlitePromotionSearch(SqliteDatabase database) : IPromotionSearch
{
    public Task IndexAsync(Promotion promotion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        return database.WriteAsync(async (connection, transaction) =>
        {
            using var upsert = connection.Command(transaction, """
                INSERT INTO promotion_search (id, status, kind, campaign_id, starts_at, ends_at, channels)
                VALUES ($id, $status, $kind, $campaign, $starts, $ends, $channels)
                ON CONFLICT (id) DO UPDATE SET status = excluded.status, kind = excluded.kind, campaign_id = excluded.campaign_id,
                    starts_at = excluded.starts_at, ends_at = excluded.ends_at, channels = excluded.channels
                RETURNING seq;
                """);
            upsert.Parameters.AddWithValue("$id", promotion.Id);
            upsert.Parameters.AddWithValue("$status", promotion.Status.ToString());
            upsert.Parameters.AddWithValue("$kind", promotion.Kind.ToString());
            upsert.Parameters.AddWithValue("$campaign", promotion.CampaignId);
            upsert.Parameters.AddWithValue("$starts", SqlTime.ToDb(promotion.StartsAt));
            upsert.Parameters.AddWithValue("$ends", SqlTime.ToDb(promotion.EndsAt));
            upsert.Parameters.AddWithValue("$channels", JsonSerializer.Serialize(promotion.Channels, DocumentJson.Default.IReadOnlyListString));
            var seq = (long)(await upsert.ExecuteScalarAsync(ct))!;

            using var text = connection.Command(transaction, """
                DELETE FROM promotion_text WHERE rowid = $seq;
                INSERT INTO promotion_text (rowid, name, description) VALUES ($seq, $name, $description);
                """);
            text.Parameters.AddWithValue("$seq", seq);
            text.Parameters.AddWithValue("$name", promotion.Name);
            text.Parameters.AddWithValue("$description", (object?)promotion.Description ?? DBNull.Value);
            return await text.ExecuteNonQueryAsync(ct);
        }, ct);
    }

    public Task RemoveAsync(string promotionId, CancellationToken ct) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            using var command = connection.Command(transaction, """
                DELETE FROM promotion_text WHERE rowid = (SELECT seq FROM promotion_search WHERE id = $id);
                DELETE FROM promotion_search WHERE id = $id;
                """);
            command.Parameters.AddWithValue("$id", promotionId);
            return await command.ExecuteNonQueryAsync(ct);
        }, ct);

    public async Task<Page<string>> SearchAsync(PromotionSearchQuery query, ListQuery page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var fetch = Pages.FetchSize(page);
        var where = Filters(query);
        var match = FtsQuery.From(query.Text);
        if (match is null)
        {
            where.Add("s.id > {0}", page.After);
            var ids = await ReadIdsAsync($"SELECT s.id FROM promotion_search s WHERE {where.Sql} ORDER BY s.id LIMIT {fetch};", where, ct);
            return Pages.ToPage(ids, page.Limit, id => id);
        }

        var offset = Pages.OffsetOf(page.After);
        where.Add("promotion_text MATCH {0}", match);
        var ranked = await ReadIdsAsync(
            "SELECT s.id FROM promotion_text JOIN promotion_search s ON s.seq = promotion_text.rowid " +
            $"WHERE {where.Sql} ORDER BY bm25(promotion_text, 4.0, 1.0), s.id LIMIT {fetch} OFFSET {offset};",
            where,
            ct);
        return Pages.ToRankedPage(ranked, page.Limit, offset);
    }

    /// <summary>
    /// The filters; the date range keeps promotions whose window [start, end) meets [from, to], an open
    /// end meeting everything on its side.
    /// </summary>
    private static SqlConditions Filters(PromotionSearchQuery query) => new SqlConditions()
        .Equal("s.status", query.Status?.ToString())
        .Equal("s.kind", query.Kind?.ToString())
        .Equal("s.campaign_id", query.CampaignId)
        .Add("EXISTS (SELECT 1 FROM json_each(s.channels) WHERE value = {0})", query.Channel)
        .Add("(s.ends_at IS NULL OR s.ends_at > {0})", query.ActiveFrom?.UtcTicks)
        .Add("(s.starts_at IS NULL OR s.starts_at <= {0})", query.ActiveTo?.UtcTicks);

    private async Task<List<string>> ReadIdsAsync(string sql, SqlConditions where, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        using var command = connection.Command(null, sql);
        where.Bind(command);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var ids = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
