using Promotions.Domain.Common;

namespace Promotions.AdminApi.Common;

/// <summary>
/// Collects the errors of one request body, each with its JSON path, so a client sees every problem at
/// once instead of fixing them one round-trip at a time.
/// </summary>
internal sealed class FieldChecks
{
    public const int NameMax = 200;
    public const int DescriptionMax = 2000;

    private readonly List<DomainError> _errors = [];

    public IReadOnlyList<DomainError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public void Add(string code, string message, string path) => _errors.Add(new DomainError(code, message, path));

    public void AddRange(IEnumerable<DomainError> errors) => _errors.AddRange(errors);

    /// <summary>A required, non-blank text of at most <paramref name="max"/> characters; returns it trimmed.</summary>
    public string Required(string? value, string path, int max = NameMax)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add("required", "A value is required.", path);
            return string.Empty;
        }

        Optional(value, path, max);
        return value.Trim();
    }

    /// <summary>An optional text of at most <paramref name="max"/> characters; blank becomes null.</summary>
    public string? Optional(string? value, string path, int max = DescriptionMax)
    {
        if (value is not null && value.Length > max)
        {
            Add("too_long", $"At most {max} characters; this has {value.Length}.", path);
        }

        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>An end that, when both ends are given, comes after the start.</summary>
    public void Window(DateTimeOffset? startsAt, DateTimeOffset? endsAt, string endPath)
    {
        if (startsAt is { } start && endsAt is { } end && end <= start)
        {
            Add("invalid_range", "The end must come after the start.", endPath);
        }
    }

    /// <summary>An optional whole number of at least <paramref name="min"/>.</summary>
    public void AtLeast(long? value, long min, string path)
    {
        if (value < min)
        {
            Add("out_of_range", $"Must be at least {min}.", path);
        }
    }

    public void Between(long value, long min, long max, string path)
    {
        if (value < min || value > max)
        {
            Add("out_of_range", $"Must be from {min} to {max}.", path);
        }
    }

    /// <summary>An id that must name an existing item, looked up only when given.</summary>
    public async Task ReferenceAsync<T>(string? id, string path, string what, Func<string, CancellationToken, Task<T?>> get, CancellationToken ct)
        where T : class
    {
        if (!string.IsNullOrWhiteSpace(id) && await get(id, ct) is null)
        {
            Add("unknown_reference", $"No {what} with id '{id}'.", path);
        }
    }
}
