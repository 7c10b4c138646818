namespace Promotions.Domain.Scheduling;

/// <summary>What kind of item a step moved.</summary>
public enum ScheduledItem
{
    Campaign,
    Promotion,
}
