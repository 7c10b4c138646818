using Promotions.Domain.Campaigns;
using Promotions.Domain.Common;
using Promotions.Domain.Lifecycle;

namespace Promotions.Domain.Ports;

/// <summary>Campaigns, one method per access pattern.</summary>
public interface ICampaignStore
{
    Task<Campaign?> GetAsync(string id, CancellationToken ct);

    /// <summary>Several campaigns by id (missing ids are skipped): the offers path checks campaign status in one call.</summary>
    Task<IReadOnlyList<Campaign>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct);

    Task<Page<Campaign>> ListAsync(CampaignFilter filter, ListQuery page, CancellationToken ct);

    Task<WriteResult<Campaign>> CreateAsync(Campaign campaign, CancellationToken ct);

    /// <summary>Replaces the campaign when its stored version is <paramref name="expectedVersion"/>; the stored copy gets version + 1.</summary>
    Task<WriteResult<Campaign>> UpdateAsync(Campaign campaign, long expectedVersion, CancellationToken ct);

    Task<WriteStatus> DeleteAsync(string id, long expectedVersion, CancellationToken ct);
}

/// <summary>
/// Filters of the campaign list; null means "any". <paramref name="NameContains"/> keeps campaigns whose name holds
/// it, ignoring case (<see cref="SearchForm"/> on both sides).
/// </summary>
public sealed record CampaignFilter(LifecycleStatus? Status = null, string? CampaignTypeId = null, string? Owner = null, string? NameContains = null)
{
    /// <summary>The most characters of a name search.</summary>
    public const int MaxNameSearch = 100;

    /// <summary>The form a name and a name search are compared in: lower case, invariant culture.</summary>
    public static string SearchForm(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ToLowerInvariant();
    }
}
