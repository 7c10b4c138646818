namespace Promotions.AdminApi.Scheduling;

/// <summary>Settings of the in-process schedule (section <c>Admin:Schedule</c>).</summary>
public sealed class ScheduleOptions
{
    public const string SectionName = "Admin:Schedule";

    /// <summary>Between passes: how late after <c>startsAt</c> or <c>endsAt</c> a step may be applied. From 100 ms to 1 hour.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether an interval is in range.</summary>
    public static bool IsValid(TimeSpan interval) => interval >= TimeSpan.FromMilliseconds(100) && interval <= TimeSpan.FromHours(1);
}
