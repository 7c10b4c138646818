using Promotions.Domain.Customers;
using Promotions.Domain.Ports;

namespace Promotions.Domain.Plans;

/// <summary>
/// Collects the members of a segment, in order, until it holds <c>size</c> who have no distributed code of the pool,
/// reading the claims a chunk of members at a time; the members with one are counted as skipped.
/// </summary>
internal sealed class DistributionPicker(ICodeDistributionStore store, string promotionId, int size, CancellationToken ct)
{
    // Claims are read for up to this many members at once (a batch, or a chunk of a count).
    private const int ClaimChunk = CodeDistribution.MaxBatchSize * 4;

    private readonly List<string> _pending = [];

    /// <summary>The members picked, in order.</summary>
    public List<string> Picked { get; } = [];

    /// <summary>How many members were passed over because they hold a code of the pool already.</summary>
    public int Skipped { get; private set; }

    /// <summary>The last member looked at (picked or skipped): the next batch starts after it.</summary>
    public string? Cursor { get; private set; }

    /// <summary>True once <c>size</c> members are picked.</summary>
    public bool Full => Picked.Count >= size;

    /// <summary>Takes a member; false once full (the enumeration stops).</summary>
    public async Task<bool> TakeAsync(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        _pending.Add(customer.Id);
        if (Picked.Count + _pending.Count < Math.Min(size, ClaimChunk))
        {
            return true;
        }

        await SettleAsync();
        return !Full;
    }

    /// <summary>Reads the claims of the members taken since the last call; members past the size are left for the next batch.</summary>
    public async Task SettleAsync()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var claimed = await store.ClaimedAsync(promotionId, _pending, ct);
        foreach (var id in _pending)
        {
            if (Full)
            {
                break;
            }

            Cursor = id;
            if (claimed.Contains(id))
            {
                Skipped++;
            }
            else
            {
                Picked.Add(id);
            }
        }

        _pending.Clear();
    }
}
