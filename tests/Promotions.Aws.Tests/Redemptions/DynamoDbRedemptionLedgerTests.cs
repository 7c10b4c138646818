using Promotions.Contracts.Redemptions;
using Promotions.Domain.Events;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Tests.Redemptions;

/// <summary>The whole ledger contract on DynamoDB (moto), with plain (one-shard) counters, the default.</summary>
public sealed class DynamoDbRedemptionLedgerTests : RedemptionLedgerContract
{
    private readonly LedgerResources _aws;

    public DynamoDbRedemptionLedgerTests()
    {
        _aws = new LedgerResources(Clock);
    }

    protected override IRedemptionLedger Ledger => _aws.Ledger;

    protected override IIdempotencyStore Idempotency => _aws.Idempotency;

    protected override IOutbox Outbox => _aws.Outbox;

    protected override ICodeStore Codes => _aws.Codes;

    // DynamoDB's TTL deletes expired keys; the store only has to read them as gone.
    protected override bool KeysExpireByThemselves => true;

    protected override int QuoteIterations => 30;

    public override Task InitializeAsync() => _aws.InitializeAsync();

    public override Task DisposeAsync() => _aws.DisposeAsync();
}
