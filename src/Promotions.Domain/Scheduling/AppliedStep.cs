using Promotions.Domain.Lifecycle;

namespace Promotions.Domain.Scheduling;

/// <summary>A step a run of the schedule wrote: the item, the action, and its status and version after it.</summary>
public sealed record AppliedStep(ScheduledItem Kind, string Id, LifecycleAction Action, LifecycleStatus Status, long Version);
