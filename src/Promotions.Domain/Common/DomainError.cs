namespace Promotions.Domain.Common;

/// <summary>
/// An expected failure: a stable machine-readable <paramref name="Code"/>, a human message and,
/// where the failure belongs to one input field, the JSON path of that field (e.g. <c>$.rules[0].value</c>).
/// </summary>
public sealed record DomainError(string Code, string Message, string? Path = null)
{
    /// <summary>
    /// The id of the thing the error is about when it is not an input field: the promotion whose limit refused a
    /// redemption of a whole cart, so the caller can leave that promotion out and quote again.
    /// </summary>
    public string? Subject { get; init; }
}
