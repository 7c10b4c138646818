namespace Promotions.Benchmarks.Rules;

/// <summary>RulesEngine's view of the customer: plain properties its lambda expressions can reach.</summary>
public sealed record RulesEngineCustomer(string Tier, List<string> Segments, int OrderCount);

/// <summary>RulesEngine's view of the cart.</summary>
public sealed record RulesEngineCart(decimal Subtotal);

/// <summary>RulesEngine's view of the request.</summary>
public sealed record RulesEngineRequest(string Channel);
