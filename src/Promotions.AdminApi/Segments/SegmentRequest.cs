using System.Text.Json;

namespace Promotions.AdminApi.Segments;

/// <summary>
/// The editable fields of a segment. <see cref="Criteria"/> is a rule-language condition; without it the
/// segment holds only the customers that list it by id.
/// </summary>
internal sealed record SegmentRequest(string? Name = null, string? Description = null, JsonElement? Criteria = null);
