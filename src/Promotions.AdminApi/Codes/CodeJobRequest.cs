namespace Promotions.AdminApi.Codes;

/// <summary>
/// A bulk generation request: a spec given as a <see cref="Pattern"/> (e.g. <c>SUMMER-####-????</c>) or as a
/// <see cref="Length"/> with an optional prefix and suffix, over a charset; how many codes, how often each
/// may be used, and when they expire. It is stored with the job, so a queued job runs as it was asked.
/// </summary>
internal sealed record CodeJobRequest(
    string? Pattern = null,
    int? Length = null,
    string? Charset = null,
    string? Prefix = null,
    string? Suffix = null,
    bool? CheckCharacter = null,
    int? Count = null,
    int? MaxUses = null,
    DateTimeOffset? ExpiresAt = null);
