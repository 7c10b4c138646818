using System.Diagnostics.CodeAnalysis;

namespace Promotions.Domain.Rules;

/// <summary>
/// Resolves time zone ids. The process runs with invariant globalization, so only ids present in the
/// system tz database (IANA ids such as <c>Europe/Paris</c>, and <c>UTC</c>) resolve; Windows ids do not,
/// because mapping them needs ICU.
/// </summary>
internal static class TimeZones
{
    public static bool TryFind(string id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        // A bare offset or an empty id is not a zone; FindSystemTimeZoneById would throw on "".
        if (string.IsNullOrWhiteSpace(id))
        {
            zone = null;
            return false;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone);
    }
}
