namespace Promotions.Domain.Codes;

/// <summary>
/// One position of a normalized code: a fixed <paramref name="Literal"/>, a random draw from
/// <paramref name="Class"/>, or the check character.
/// </summary>
internal readonly record struct CodeSlot(CodeSlotKind Kind, char Literal, CharClass? Class);
