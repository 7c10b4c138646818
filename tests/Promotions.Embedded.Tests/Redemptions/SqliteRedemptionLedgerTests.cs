using Promotions.Domain.Events;
using Promotions.Domain.Ports;
using Promotions.Embedded.Codes;
using Promotions.Embedded.Outbox;
using Promotions.Embedded.Redemptions;
using Promotions.Contracts.Redemptions;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.Redemptions;

/// <summary>The ledger contract on a real SQLite file in a temporary folder.</summary>
public sealed class SqliteRedemptionLedgerTests : RedemptionLedgerContract
{
    private readonly TempDatabase _temp = new();
    private IRedemptionLedger? _ledger;
    private IIdempotencyStore? _idempotency;
    private IOutbox? _outbox;
    private ICodeStore? _codes;

    protected override IRedemptionLedger Ledger => _ledger!;

    protected override IIdempotencyStore Idempotency => _idempotency!;

    protected override IOutbox Outbox => _outbox!;

    protected override ICodeStore Codes => _codes!;

    public override async Task InitializeAsync()
    {
        await _temp.Database.InitializeAsync();
        var storage = _temp.Database;
        _ledger = new SqliteRedemptionLedger(storage, Clock);
        _idempotency = new SqliteIdempotencyStore(storage, Clock);
        _outbox = new SqliteOutbox(storage, Clock);
        _codes = new SqliteCodeStore(_temp.Database, Clock);
    }

    public override Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }
}
