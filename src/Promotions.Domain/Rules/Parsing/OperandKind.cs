namespace Promotions.Domain.Rules.Parsing;

/// <summary>What one operand item must be, decided by the fact's type and the operator.</summary>
internal enum OperandKind
{
    Number,
    String,
    Boolean,
    DateTime,
    Date,
    TimeOfDay,
    DayOfWeek,

    /// <summary>A string, number or boolean (attribute equality).</summary>
    Scalar,

    /// <summary>A string or number (attribute lists and <c>contains</c>).</summary>
    StringOrNumber,
}
