using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Tests.Support;
using Promotions.Domain.Events;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Tests.Redemptions;

/// <summary>
/// Fresh tables for one ledger test, the AWS adapter set on them with the test's clock and ledger settings; codes are
/// seeded through the catalog's DynamoDB code store, whose items the ledger changes.
/// One pair of tables per test (xUnit makes a class instance per test), so no test reads another's holds or counters.
/// </summary>
public sealed class LedgerResources(TimeProvider clock, IReadOnlyDictionary<string, string?>? settings = null) : AwsTestResources
{
    public IRedemptionLedger Ledger => Services.GetRequiredService<IRedemptionLedger>();

    public IIdempotencyStore Idempotency => Services.GetRequiredService<IIdempotencyStore>();

    public IOutbox Outbox => Services.GetRequiredService<IOutbox>();

    public ICodeStore Codes => Services.GetRequiredService<ICodeStore>();

    protected override Dictionary<string, string?> Settings()
    {
        var all = base.Settings();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return all;
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(clock);
        base.ConfigureServices(services);
    }
}
