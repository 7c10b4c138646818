namespace Promotions.Aws.Events;

/// <summary>What one schedule run did; <see cref="Complete"/> is false when a part failed or events failed again.</summary>
public sealed record ScheduleReport(int Published, int PublishFailed, int HoldsExpired, bool SweepRan, bool ExpiryRan)
{
    public bool Complete => SweepRan && ExpiryRan && PublishFailed == 0;
}
