using Promotions.Domain.Codes;
using Promotions.Domain.Common;

namespace Promotions.Domain.Ports;

/// <summary>
/// Promo codes. Codes are unique across all promotions (a code alone identifies its promotion), and the
/// store's unique key is the authority on that: generation inserts and regenerates what was refused,
/// instead of asking "does it exist?" first.
/// </summary>
public interface ICodeStore
{
    /// <summary>Inserts the codes that are new; reports the ones whose normalized code already existed.</summary>
    Task<CodeInsertResult> InsertAsync(IReadOnlyList<PromoCode> codes, CancellationToken ct);

    /// <summary>The code with this normalized text, whatever its state (so an exhausted code is never "unknown").</summary>
    Task<PromoCode?> FindAsync(string normalizedCode, CancellationToken ct);

    Task<Page<PromoCode>> ListAsync(string promotionId, ListQuery page, CancellationToken ct);

    Task<long> CountAsync(string promotionId, CancellationToken ct);

    /// <summary>Every code of a promotion, streamed in id order, for export.</summary>
    IAsyncEnumerable<PromoCode> ExportAsync(string promotionId, CancellationToken ct);
}

/// <summary>How many codes an insert stored, and which (normalized) codes it refused as duplicates.</summary>
public sealed record CodeInsertResult(int Inserted, IReadOnlyList<string> Duplicates);
