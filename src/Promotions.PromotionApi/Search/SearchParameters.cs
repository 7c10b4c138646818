using System.Globalization;
using Promotions.Domain.Common;
using Promotions.Domain.Customers;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Offers.Input;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;

namespace Promotions.PromotionApi.Search;

/// <summary>
/// Reads the query string of a search. Every value is bound as text and checked here, so a bad value is a 400
/// whose path is the parameter's name, with the accepted values in the message.
/// </summary>
internal static class SearchParameters
{
    private const int DefaultLimit = 50;

    public static (PromotionSearchQuery Query, ListQuery Page) Read(
        string? q, string? status, string? kind, string? channel, string? campaignId, string? from, string? to,
        string? cursor, string? limit, List<DomainError> errors)
    {
        if (q is { Length: > InputLimits.MaxTextLength })
        {
            errors.Add(Invalid("q", $"The search text is at most {InputLimits.MaxTextLength} characters."));
        }

        if (channel is not null && !Channels.IsKnown(channel))
        {
            errors.Add(Invalid("channel", $"Unknown channel; known: {string.Join(", ", Channels.All)}."));
        }

        var activeFrom = Instant(from, "from", errors);
        var activeTo = Instant(to, "to", errors);
        if (activeFrom > activeTo)
        {
            errors.Add(Invalid("to", "'to' is not before 'from'."));
        }

        var after = Cursor.Decode(cursor);
        if (!after.IsSuccess)
        {
            errors.Add(after.Errors[0] with { Path = "cursor" });
        }

        var query = new PromotionSearchQuery(
            string.IsNullOrWhiteSpace(q) ? null : q,
            Enum<LifecycleStatus>(status, "status", errors),
            Enum<PromotionKind>(kind, "kind", errors),
            channel,
            string.IsNullOrWhiteSpace(campaignId) ? null : campaignId,
            activeFrom,
            activeTo);
        return (query, new ListQuery(after.IsSuccess ? after.Value : null, Limit(limit, errors)));
    }

    // Wire names are the snake_case member names, as everywhere else on the wire.
    private static T? Enum<T>(string? value, string name, List<DomainError> errors)
        where T : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        foreach (var member in System.Enum.GetValues<T>())
        {
            if (string.Equals(member.ToString().ToLowerInvariant(), value, StringComparison.Ordinal))
            {
                return member;
            }
        }

        var known = string.Join(", ", System.Enum.GetValues<T>().Select(static m => m.ToString().ToLowerInvariant()));
        errors.Add(Invalid(name, $"Unknown {name} '{value}'; known: {known}."));
        return null;
    }

    private static DateTimeOffset? Instant(string? value, string name, List<DomainError> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant;
        }

        errors.Add(Invalid(name, $"'{name}' is an ISO 8601 date or date-time, e.g. 2026-05-01T00:00:00Z."));
        return null;
    }

    private static int Limit(string? value, List<DomainError> errors)
    {
        if (value is null)
        {
            return DefaultLimit;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= ListQuery.MaxLimit)
        {
            return limit;
        }

        errors.Add(Invalid("limit", $"The limit is a whole number between 1 and {ListQuery.MaxLimit}."));
        return DefaultLimit;
    }

    private static DomainError Invalid(string parameter, string message) => new(InputValidator.InvalidValue, message, parameter);
}
