namespace Promotions.Domain.Plans;

/// <summary>Where a campaign is in its four-eyes approval (wire names <c>none</c>, <c>pending</c>, <c>approved</c>, <c>rejected</c>).</summary>
public enum ApprovalStatus
{
    /// <summary>Not submitted yet, or changed since its last decision.</summary>
    None,
    Pending,
    Approved,
    Rejected,
}
