namespace Promotions.Domain.Codes;

/// <summary>A code of a pool given to one customer: from then on only that customer can redeem it.</summary>
public sealed record DistributedCode(string CustomerId, string Code);
