namespace Promotions.Domain.Rules;

/// <summary>The typed right-hand side of a leaf condition, checked against the fact's type when parsed.</summary>
public abstract record Operand;

/// <summary>A JSON <c>true</c>/<c>false</c> operand.</summary>
public sealed record BooleanOperand(bool Value) : Operand;

/// <summary>A JSON number operand; decimal so that money compares exactly.</summary>
public sealed record NumberOperand(decimal Value) : Operand;

/// <summary>A JSON string operand, compared ordinally (case-sensitive).</summary>
public sealed record StringOperand(string Value) : Operand;

/// <summary>An ISO-8601 date-time with an offset (operand of <c>time.now</c>).</summary>
public sealed record DateTimeOperand(DateTimeOffset Value) : Operand;

/// <summary>A <c>yyyy-MM-dd</c> date (operand of <c>time.date</c>).</summary>
public sealed record DateOperand(DateOnly Value) : Operand;

/// <summary>An <c>HH:mm</c> time of day (operand of <c>time.time_of_day</c>).</summary>
public sealed record TimeOfDayOperand(TimeOnly Value) : Operand;

/// <summary>A list operand (<c>in</c>, <c>not_in</c>, <c>contains_any</c>, <c>contains_all</c>, <c>between</c>).</summary>
public sealed record ListOperand(IReadOnlyList<Operand> Items) : Operand;
