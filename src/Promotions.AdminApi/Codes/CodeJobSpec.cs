using System.Text.Json;
using Promotions.AdminApi.Common;
using Promotions.Domain.Codes;
using Promotions.Domain.Common;

namespace Promotions.AdminApi.Codes;

/// <summary>The checked generation request, as stored in <see cref="CodeJob.Spec"/> and read back by the runner.</summary>
internal sealed record CodeJobSpec(
    string? Pattern,
    int? Length,
    string? Charset,
    string? Prefix,
    string? Suffix,
    bool CheckCharacter,
    int MaxUses,
    DateTimeOffset? ExpiresAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Result<CodeSpec> Parse() => CodeSpec.Parse(Pattern, Length, Charset, Prefix, Suffix, CheckCharacter);

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static CodeJobSpec Deserialize(string json) =>
        JsonSerializer.Deserialize<CodeJobSpec>(json, Json) ?? throw new JsonException("A code job holds no spec.");

    /// <summary>Checks every field of the request (the entropy policy is checked against the store later).</summary>
    public static (CodeJobSpec Spec, CodeSpec? Parsed, int Count, IReadOnlyList<DomainError> Errors) From(CodeJobRequest body, DateTimeOffset now)
    {
        var checks = new FieldChecks();
        var spec = new CodeJobSpec(body.Pattern, body.Length, body.Charset, body.Prefix, body.Suffix,
            body.CheckCharacter ?? true, body.MaxUses ?? 1, body.ExpiresAt);
        var parsed = spec.Parse();
        checks.AddRange(parsed.Errors);
        if (body.Count is not { } count)
        {
            checks.Add("required", $"How many codes to generate (1 to {CodeGenerator.MaxCount:N0}).", "$.count");
            count = 0;
        }
        else if (count is < 1 or > CodeGenerator.MaxCount)
        {
            checks.Add(CodeErrors.CountOutOfRange, $"The count must be between 1 and {CodeGenerator.MaxCount:N0}; it is {count:N0}.", "$.count");
        }

        checks.AtLeast(body.MaxUses, 1, "$.maxUses");
        if (body.ExpiresAt <= now)
        {
            checks.Add("in_the_past", "Codes must expire in the future.", "$.expiresAt");
        }

        return (spec, parsed.IsSuccess ? parsed.Value : null, count, checks.Errors);
    }
}
