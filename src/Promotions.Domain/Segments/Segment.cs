using System.Text.Json;

namespace Promotions.Domain.Segments;

/// <summary>
/// A named group of customers. <paramref name="Criteria"/> is a condition in the rule language;
/// a customer belongs when the condition holds for them, or when they are listed by id.
/// </summary>
public sealed record Segment(string Id, string Name, string? Description, JsonElement? Criteria, long Version = 1);
