using System.Text.Json;
using Microsoft.Data.Sqlite;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Common;
using Promotions.Domain.Plans;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;
using Promotions.Embedded.Campaigns;
using Promotions.Embedded.Outbox;
using Promotions.Embedded.Promotions;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Plans;

/// <summary>
/// Plan steps in SQLite: a step's record, its campaign and promotion changes and its events in one <c>BEGIN IMMEDIATE</c>
/// transaction, so the versions checked at its start cannot change before its end, and a process killed at any point
/// leaves either the whole step or none of it.
/// </summary>
internal sealed class SqliteCampaignPlanStore(SqliteDatabase database) : ICampaignPlanStore
{
    private readonly DocumentTable<Campaign> _campaigns = new(database, SqliteCampaignStore.Schema);
    private readonly DocumentTable<Promotion> _promotions = new(database, SqlitePromotionStore.Schema);

    public async Task<IReadOnlyList<Campaign>> ListWithPlansAsync(CancellationToken ct)
    {
        var where = new SqlConditions().Add("status IN ('Scheduled', 'Active', 'Paused') AND json_extract(doc, '$.plan') IS NOT NULL");
        return await Documents.ReadAsync(database, "campaigns", where, "", DocumentJson.Default.Campaign, ct);
    }

    public async Task<IReadOnlyList<StepRecord>> ListStepsAsync(string campaignId, long revision, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        using var command = connection.Command(null,
            "SELECT doc FROM plan_steps WHERE campaign_id = $campaign AND revision = $revision ORDER BY step_index;");
        command.Parameters.AddWithValue("$campaign", campaignId);
        command.Parameters.AddWithValue("$revision", revision);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var records = new List<StepRecord>();
        while (await reader.ReadAsync(ct))
        {
            records.Add(JsonSerializer.Deserialize(reader.GetString(0), DocumentJson.Default.StepRecord)!);
        }

        return records;
    }

    public Task<StageWriteStatus> WriteStepAsync(StageWrite write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(write);
        return database.WriteAsync(async (connection, transaction) =>
        {
            if (await RecordedAsync(connection, transaction, write.Record, ct))
            {
                return StageWriteStatus.AlreadyRan;
            }

            // Checked first, under the write lock: every write below then succeeds, so the step is written whole.
            if (await _campaigns.VersionInAsync(connection, transaction, write.CampaignId, ct) != write.CampaignVersion)
            {
                return StageWriteStatus.Conflict;
            }

            foreach (var promotion in write.Promotions)
            {
                if (await _promotions.VersionInAsync(connection, transaction, promotion.Promotion.Id, ct) != promotion.ExpectedVersion)
                {
                    return StageWriteStatus.Conflict;
                }
            }

            if (write.Campaign is { } campaign)
            {
                await _campaigns.UpdateInAsync(connection, transaction, campaign, write.CampaignVersion, [], ct);
            }

            foreach (var promotion in write.Promotions)
            {
                await _promotions.UpdateInAsync(connection, transaction, promotion.Promotion, promotion.ExpectedVersion, promotion.Events, ct);
            }

            await InsertAsync(connection, transaction, write.Record, ct);
            foreach (var domainEvent in write.Events)
            {
                await OutboxRows.AppendAsync(connection, transaction, domainEvent, ct);
            }

            return StageWriteStatus.Written;
        }, ct);
    }

    private static async Task<bool> RecordedAsync(SqliteConnection connection, SqliteTransaction transaction, StepRecord record, CancellationToken ct)
    {
        using var command = connection.Command(transaction,
            "SELECT 1 FROM plan_steps WHERE campaign_id = $campaign AND revision = $revision AND step_index = $index;");
        Bind(command, record);
        return await command.ExecuteScalarAsync(ct) is not null;
    }

    private static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, StepRecord record, CancellationToken ct)
    {
        using var command = connection.Command(transaction,
            "INSERT INTO plan_steps (campaign_id, revision, step_index, doc) VALUES ($campaign, $revision, $index, $doc);");
        Bind(command, record);
        command.Parameters.AddWithValue("$doc", JsonSerializer.Serialize(record, DocumentJson.Default.StepRecord));
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void Bind(SqliteCommand command, StepRecord record)
    {
        command.Parameters.AddWithValue("$campaign", record.CampaignId);
        command.Parameters.AddWithValue("$revision", record.Revision);
        command.Parameters.AddWithValue("$index", record.Index);
    }
}
