namespace Promotions.Domain.Rules;

/// <summary>The value type of a fact, which decides the operators and operands it accepts.</summary>
internal enum FactType
{
    Number,
    String,
    Boolean,
    StringList,
    DateTime,
    Date,
    TimeOfDay,
    DayOfWeek,

    /// <summary>A customer attribute: its type is only known per customer, so it is checked at evaluation.</summary>
    Any,
}
