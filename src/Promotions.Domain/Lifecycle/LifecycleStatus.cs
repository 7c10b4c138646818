namespace Promotions.Domain.Lifecycle;

/// <summary>Where a campaign or promotion is in its life. Wire names are the lower-case member names.</summary>
public enum LifecycleStatus
{
    Draft,
    Scheduled,
    Active,
    Paused,
    Ended,
    Archived,
}
