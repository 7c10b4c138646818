namespace Promotions.Domain.Codes;

/// <summary>What one character of a normalized code is made of.</summary>
internal enum CodeSlotKind
{
    Literal,
    Random,
    Check,
}
