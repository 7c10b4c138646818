using Promotions.Domain.Codes;
using Promotions.Domain.Common;

namespace Promotions.Domain.Ports;

/// <summary>
/// Promo codes. Codes are unique across all promotions (a code alone identifies its promotion), and the
/// store's unique key is the authority on that: generation inserts and regenerates what was refused,
/// instead of asking "does it exist?" first. Every insert belongs to a job (generation or import) and writes a
/// <c>codes_generated</c> event of that job with the count it actually stored, in the transaction that stored
/// them: one event per insert on a store that takes a batch in one transaction, one per transaction otherwise.
/// </summary>
public interface ICodeStore
{
    /// <summary>
    /// Inserts the codes that are new, all of one promotion, for job <paramref name="jobId"/>; reports the ones whose
    /// normalized code already existed (or came earlier in the batch: the first copy is the one stored).
    /// </summary>
    Task<CodeInsertResult> InsertAsync(string jobId, IReadOnlyList<PromoCode> codes, CancellationToken ct);

    /// <summary>The code with this normalized text, whatever its state (so an exhausted code is never "unknown").</summary>
    Task<PromoCode?> FindAsync(string normalizedCode, CancellationToken ct);

    Task<Page<PromoCode>> ListAsync(string promotionId, ListQuery page, CancellationToken ct);

    Task<long> CountAsync(string promotionId, CancellationToken ct);

    /// <summary>Every code of a promotion, streamed in id order, for export.</summary>
    IAsyncEnumerable<PromoCode> ExportAsync(string promotionId, CancellationToken ct);
}

/// <summary>How many codes an insert stored, and which (normalized) codes it refused as duplicates.</summary>
public sealed record CodeInsertResult(int Inserted, IReadOnlyList<string> Duplicates);
