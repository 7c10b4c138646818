using System.Text;
using Microsoft.Data.Sqlite;
using Promotions.Api.Tests.Offers;
using Promotions.Domain.Promotions;
using Promotions.ServiceDefaults.Auth;
using Program = Promotions.Validation.Program;

namespace Promotions.Api.Tests.Validation;

public sealed class NoSideEffectTests : IDisposable
{
    private readonly ServiceHost<Program> _host = new();
    private readonly Seed _seed;

    public NoSideEffectTests() => _seed = new Seed(_host.Services, _host.Clock.GetUtcNow());

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Validate_FiftyTimesConcurrently_WithCodesThatAllExist_LeavesEveryTableAsItWas()
    {
        var campaign = await _seed.CampaignAsync(budget: new Domain.Campaigns.Budget(1000m, "EUR"));
        var automatic = await _seed.PromotionAsync(campaign, "Ten percent");
        var coded = await _seed.PromotionAsync(campaign, "Five off", "{'type':'amount_off','amount':5}", kind: PromotionKind.Code);
        await _seed.CodeAsync(coded, "SINGLEUSE", maxUses: 1);
        await _seed.CodeAsync(coded, "USEDUP", uses: 1, maxUses: 1);
        var customer = await _seed.CustomerAsync(orders: 2);
        using var checkout = _host.Channel("checkout", Scopes.Validate);
        var body = $"{{'channel':'web','customerId':'{customer.Id}','codes':['SINGLEUSE','USEDUP']," +
            "'cart':{'currency':'EUR','lines':[{'lineId':'1','sku':'A','quantity':3,'unitPrice':20}]}}";
        var before = await DumpAsync();

        var quotes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => checkout.PostJsonAsync("/validate", body)));
        var after = await DumpAsync();

        Assert.All(quotes, q => Assert.Equal(2, q.GetProperty("applied").GetArrayLength()));
        Assert.Contains(automatic.Id, quotes[0].GetProperty("applied").Strings("promotionId"));
        Assert.Contains("SINGLEUSE", before, StringComparison.Ordinal);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Validate_WithAnUnknownCode_ChangesOnlyTheCodeAttemptCounts()
    {
        var campaign = await _seed.CampaignAsync();
        var coded = await _seed.PromotionAsync(campaign, "Five off", "{'type':'amount_off','amount':5}", kind: PromotionKind.Code);
        await _seed.CodeAsync(coded, "SINGLEUSE", maxUses: 1);
        using var checkout = _host.Channel("checkout", Scopes.Validate);
        var body = "{'channel':'web','codes':['SINGLEUSE','NOPE'],'cart':{'currency':'EUR','lines':[{'lineId':'1','sku':'A','quantity':3,'unitPrice':20}]}}";
        var before = await DumpAsync();

        await checkout.PostJsonAsync("/validate", body);
        var after = await DumpAsync();

        Assert.Equal(Without(before, "code_attempts"), Without(after, "code_attempts"));
        Assert.NotEqual(before, after);
        Assert.Contains("caller:checkout|", after, StringComparison.Ordinal);
    }

    // The dump without one table's rows.
    private static string Without(string dump, string table)
    {
        var start = dump.IndexOf($"## {table}\n", StringComparison.Ordinal);
        var end = dump.IndexOf("## ", start + 3, StringComparison.Ordinal);
        return start < 0 ? dump : dump[..start] + (end < 0 ? "" : dump[end..]);
    }

    // Every row of every table, in a stable order, read on a separate connection.
    private async Task<string> DumpAsync()
    {
        var file = Path.Combine(_host.DataDirectory, "promotions.db");
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new StringBuilder();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1;";
            await using var reader = await select.ExecuteReaderAsync();
            dump.Append("## ").AppendLine(table);
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    dump.Append(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i) is byte[] b ? Convert.ToHexString(b) : reader.GetValue(i),
                        System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }

                dump.AppendLine();
            }
        }

        return dump.ToString();
    }
}
