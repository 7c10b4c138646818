namespace Promotions.Domain.Promotions;

/// <summary>The calendar period a <see cref="PeriodLimit"/> counts in, in UTC: a day from midnight, a week from Monday midnight.</summary>
public enum LimitPeriod
{
    Day,
    Week,
}
