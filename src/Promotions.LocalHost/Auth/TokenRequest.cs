using System.Globalization;
using Promotions.Domain.Common;
using ChannelNames = Promotions.Domain.Customers.Channels;
using RoleNames = Promotions.ServiceDefaults.Auth.Roles;
using ScopeNames = Promotions.ServiceDefaults.Auth.Scopes;

namespace Promotions.LocalHost.Auth;

/// <summary>
/// What <c>token</c> was asked for: <c>--role</c> and <c>--scope</c> (repeatable), <c>--sub</c> and
/// <c>--hours</c>; <c>--channel</c> (repeatable) and <c>--partner</c> bind a machine client (docs/security.md); any
/// other argument is configuration (e.g. <c>--Embedded:DataDirectory=/tmp/x</c>).
/// </summary>
internal sealed record TokenRequest(
    string Subject,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Scopes,
    TimeSpan Lifetime,
    IReadOnlyList<string> ConfigurationArgs,
    IReadOnlyList<string>? Channels = null,
    string? PartnerId = null)
{
    public const double MaxHours = 24 * 30;

    public static Result<TokenRequest> Parse(IReadOnlyList<string> args)
    {
        var roles = new List<string>();
        var scopes = new List<string>();
        var rest = new List<string>();
        List<string>? channels = null;
        string? partner = null;
        var subject = "developer";
        var hours = 12d;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is not ("--role" or "--scope" or "--sub" or "--hours" or "--channel" or "--partner"))
            {
                rest.Add(name);
                continue;
            }

            if (i + 1 >= args.Count)
            {
                return new DomainError("missing_value", $"{name} needs a value.", name);
            }

            var value = args[++i];
            switch (name)
            {
                case "--role" when RoleNames.All.Contains(value):
                    roles.Add(value);
                    break;
                case "--role":
                    return new DomainError("unknown_role", $"Unknown role '{value}'; roles: {string.Join(", ", RoleNames.All)}.", name);
                case "--scope" when ScopeNames.All.Contains(value):
                    scopes.Add(value);
                    break;
                case "--scope":
                    return new DomainError("unknown_scope", $"Unknown scope '{value}'; scopes: {string.Join(", ", ScopeNames.All)}.", name);
                case "--channel" when ChannelNames.IsKnown(value):
                    (channels ??= []).Add(value);
                    break;
                case "--channel":
                    return new DomainError("unknown_channel", $"Unknown channel '{value}'; channels: {string.Join(", ", ChannelNames.All)}.", name);
                case "--partner" when !string.IsNullOrWhiteSpace(value) && !value.Any(char.IsWhiteSpace):
                    partner = value;
                    break;
                case "--partner":
                    return new DomainError("invalid_partner", "--partner needs a partner id without spaces.", name);
                case "--sub":
                    subject = value;
                    break;
                default:
                    if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out hours) || hours <= 0 || hours > MaxHours)
                    {
                        return new DomainError("invalid_hours", $"--hours must be a number of hours above 0 and at most {MaxHours}.", name);
                    }

                    break;
            }
        }

        if (roles.Count == 0 && scopes.Count == 0)
        {
            return new DomainError("no_grant", "Give at least one --role or --scope; a token without either is refused everywhere.", "--role");
        }

        if ((channels is not null || partner is not null) && roles.Count > 0)
        {
            return new DomainError("bound_staff", "--channel and --partner bind machine clients (--scope); staff roles are never bound.", "--channel");
        }

        return new TokenRequest(subject, roles, scopes, TimeSpan.FromHours(hours), rest, channels, partner);
    }
}
