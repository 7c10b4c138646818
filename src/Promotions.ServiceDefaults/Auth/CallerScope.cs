using System.Security.Claims;
using Promotions.Domain.Common;

namespace Promotions.ServiceDefaults.Auth;

/// <summary>
/// What a caller may reach beyond its policies: a machine client (a partner network, a store) may be bound to
/// channels and act for a partner (claims <c>channels</c> and <c>partner_id</c>, <see cref="CallerClaims"/>); it then
/// gets offers, quotes and redemptions only on those channels, and reads only the redemptions it made. A caller
/// whose token binds nothing (every staff member) is unrestricted.
/// </summary>
public sealed class CallerScope
{
    public const string ChannelNotAllowed = "channel_not_allowed";

    private readonly IReadOnlySet<string>? _channels;

    private CallerScope(string callerId, IReadOnlySet<string>? channels, string? partnerId)
    {
        CallerId = callerId;
        _channels = channels;
        PartnerId = partnerId;
    }

    /// <summary>Who is calling: the token's subject (a Cognito machine client's is its client id), or <c>anonymous</c>.</summary>
    public string CallerId { get; }

    /// <summary>The partner the caller acts for, or null.</summary>
    public string? PartnerId { get; }

    /// <summary>The channels the caller is bound to, or null when it is not bound to any (every channel is allowed).</summary>
    public IReadOnlyCollection<string>? Channels => _channels;

    /// <summary>True when the caller is bound to channels or acts for a partner: it reads only what it made.</summary>
    public bool IsRestricted => _channels is not null || PartnerId is not null;

    /// <summary>The scope of an authenticated caller (its claims as <see cref="CallerClaims"/> made them).</summary>
    public static CallerScope Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var channels = user.FindFirst(CallerClaims.Channels)?.Value;
        return new CallerScope(
            user.FindFirst(CallerClaims.Subject)?.Value is { Length: > 0 } subject ? subject : "anonymous",
            channels?.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal),
            user.FindFirst(CallerClaims.Partner)?.Value);
    }

    /// <summary>True when the caller may act on <paramref name="channel"/>.</summary>
    public bool AllowsChannel(string? channel) => _channels is null || (channel is not null && _channels.Contains(channel));

    /// <summary>
    /// True when a record made by <paramref name="callerId"/> for <paramref name="partnerId"/> (a redemption) is the
    /// caller's to read: any record for an unrestricted caller; else one of its partner's, or, without a partner, one it made.
    /// </summary>
    public bool Owns(string? callerId, string? partnerId) =>
        !IsRestricted || (PartnerId is not null ? string.Equals(partnerId, PartnerId, StringComparison.Ordinal) : string.Equals(callerId, CallerId, StringComparison.Ordinal));

    /// <summary>The 403 error of a channel outside the scope, at <paramref name="path"/> (<c>$.channel</c>, or <c>channel</c> for a query).</summary>
    public DomainError ChannelRefused(string? channel, string path)
    {
        var allowed = _channels is { Count: > 0 } ? string.Join(", ", _channels.Order(StringComparer.Ordinal)) : "no channel";
        return new DomainError(ChannelNotAllowed, $"This client may not act on channel '{channel}'; its token allows {allowed}.", path);
    }
}
