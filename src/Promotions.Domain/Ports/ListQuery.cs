namespace Promotions.Domain.Ports;

/// <summary>
/// Keyset pagination shared by every list: items come in ascending id order (ids sort by creation),
/// starting after <paramref name="After"/> (a decoded cursor), at most <paramref name="Limit"/> of them.
/// </summary>
public sealed record ListQuery(string? After = null, int Limit = 50)
{
    public const int MaxLimit = 200;
}
