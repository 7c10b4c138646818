using System.Text.Json;
using Promotions.Domain.Segments;

namespace Promotions.AdminApi.Segments;

/// <summary>A segment as the Admin API shows it.</summary>
internal sealed record SegmentResponse(string Id, string Name, string? Description, JsonElement? Criteria, long Version)
{
    public static SegmentResponse From(Segment s) => new(s.Id, s.Name, s.Description, s.Criteria, s.Version);
}
