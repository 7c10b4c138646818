namespace Promotions.Domain.Rules;

/// <summary>The parameters a fact may take, as flags so a definition lists required and optional ones.</summary>
[Flags]
internal enum FactParameterKinds
{
    None = 0,
    WithinDays = 1,
    TimeZone = 2,
    Sku = 4,
    Category = 8,
    From = 16,
}
