using System.Text.Json;
using Microsoft.Data.Sqlite;
using Promotions.Domain.Common;
using Promotions.Domain.Redemptions;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Redemptions;

/// <summary>
/// The batched counter read: every key of a <see cref="UsageQuery"/> goes in one JSON array parameter, joined to
/// the counters on their primary key, so any number of promotions, budgets and customer counters is one SELECT
/// (one primary-key lookup per key), never one statement per key.
/// </summary>
internal static class LedgerUsageReads
{
    public static async Task<UsageCounts> ReadAsync(SqliteConnection connection, UsageQuery query, CancellationToken ct)
    {
        var promotions = new Dictionary<string, long>(StringComparer.Ordinal);
        var customer = new Dictionary<string, long>(StringComparer.Ordinal);
        var budgets = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var wanted = new Dictionary<string, Action<long, string?>>(StringComparer.Ordinal);
        foreach (var id in query.PromotionIds)
        {
            promotions[id] = 0;
            wanted[LedgerKeys.Promotion(id)] = (used, _) => promotions[id] = used;
        }

        foreach (var id in query.CampaignIds)
        {
            budgets[id] = 0m;
            // A budget row without a currency was never charged (only counted rows carry one).
            wanted[LedgerKeys.Budget(id)] = (used, currency) => budgets[id] = currency is null ? 0m : Money.FromMinor(used, currency);
        }

        var periods = new Dictionary<PeriodCounter, long>();
        foreach (var counter in query.Periods)
        {
            periods[counter] = 0;
            wanted[LedgerKeys.Period(counter.PromotionId, counter.Period)] = (used, _) => periods[counter] = used;
        }

        var customerPeriods = new Dictionary<PeriodCounter, long>();
        if (query.CustomerId is { } customerId)
        {
            foreach (var id in query.CustomerPromotionIds ?? [])
            {
                customer[id] = 0;
                wanted[LedgerKeys.Customer(id, customerId)] = (used, _) => customer[id] = used;
            }

            foreach (var counter in query.CustomerPeriods)
            {
                customerPeriods[counter] = 0;
                wanted[LedgerKeys.CustomerPeriod(counter.PromotionId, counter.Period, customerId)] = (used, _) => customerPeriods[counter] = used;
            }
        }

        if (wanted.Count > 0)
        {
            using var read = connection.Command(null,
                "SELECT c.key, c.used, c.currency FROM json_each($keys) AS k JOIN redemption_counters AS c ON c.key = k.value;");
            read.Parameters.AddWithValue("$keys", JsonSerializer.Serialize<IReadOnlyList<string>>([.. wanted.Keys], DocumentJson.Default.IReadOnlyListString));
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                wanted[reader.GetString(0)](reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2));
            }
        }

        return new UsageCounts(promotions, customer, budgets) { PeriodRedemptions = periods, CustomerPeriodRedemptions = customerPeriods };
    }
}
