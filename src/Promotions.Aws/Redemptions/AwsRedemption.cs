using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Redemptions;

/// <summary>Registration of the DynamoDB redemption ledger and idempotency keys (called from <c>AddAwsAdapters</c>).</summary>
public static class AwsRedemption
{
    /// <summary>
    /// Registers <see cref="IRedemptionLedger"/> and <see cref="IIdempotencyStore"/> on the main table, with the shard
    /// counts of section <c>Aws:Ledger</c> (<see cref="LedgerOptions"/>).
    /// </summary>
    public static IServiceCollection AddAwsRedemption(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LedgerOptions>()
            .Bind(configuration.GetSection(LedgerOptions.SectionName))
            .Validate(o => o.IsValid(), $"Aws:Ledger shard counts must be between 1 and {LedgerOptions.MaxShards}.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ShardLayout>();
        services.TryAddSingleton<IRedemptionLedger, DynamoDbRedemptionLedger>();
        services.TryAddSingleton<IIdempotencyStore, DynamoDbIdempotencyStore>();
        return services;
    }
}
