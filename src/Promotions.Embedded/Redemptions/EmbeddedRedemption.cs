using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Promotions.Domain.Events;
using Promotions.Domain.Ports;
using Promotions.Embedded.Outbox;

namespace Promotions.Embedded.Redemptions;

/// <summary>Registration of the embedded redemption ledger, idempotency keys and outbox (called from <c>AddEmbeddedAdapters</c>).</summary>
public static class EmbeddedRedemption
{
    /// <summary>Registers <see cref="IRedemptionLedger"/>, <see cref="IIdempotencyStore"/> and <see cref="IOutbox"/> on the embedded database.</summary>
    public static IServiceCollection AddEmbeddedRedemption(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRedemptionLedger, SqliteRedemptionLedger>();
        services.TryAddSingleton<IIdempotencyStore, SqliteIdempotencyStore>();
        services.TryAddSingleton<IOutbox, SqliteOutbox>();
        return services;
    }
}
