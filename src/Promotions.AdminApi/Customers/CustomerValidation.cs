using System.Text.Json;
using Promotions.AdminApi.Common;
using Promotions.Domain.Common;
using Promotions.Domain.Customers;
using Promotions.Domain.Ports;

namespace Promotions.AdminApi.Customers;

/// <summary>Checks a customer body field by field and builds the customer from it.</summary>
internal sealed class CustomerValidation(ISegmentStore segments)
{
    public const int EmailMax = 254;
    public const int MaxHistoryItems = 1000;
    private const int ShortText = 100;

    public async Task<Result<Customer>> ValidateAsync(CustomerRequest body, Customer template, CancellationToken ct)
    {
        var checks = new FieldChecks();
        var email = Email(body.Email, checks);
        var name = checks.Optional(body.Name, "$.name", FieldChecks.NameMax);
        var attributes = body.Attributes is { ValueKind: not JsonValueKind.Null } a ? a : (JsonElement?)null;
        if (attributes is { ValueKind: not JsonValueKind.Object })
        {
            checks.Add("invalid_type", "Attributes must be a JSON object, e.g. {\"tier\":\"gold\"}.", "$.attributes");
        }

        var segmentIds = body.SegmentIds ?? [];
        for (var i = 0; i < segmentIds.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(segmentIds[i]))
            {
                checks.Add("required", "A segment id is required.", $"$.segmentIds[{i}]");
                continue;
            }

            await checks.ReferenceAsync(segmentIds[i], $"$.segmentIds[{i}]", "segment", segments.GetAsync, ct);
        }

        var history = History(body.History, checks);
        var location = Location(body.Location, checks);
        return checks.HasErrors
            ? Result<Customer>.Fail(checks.Errors)
            : template with
            {
                Email = email,
                Name = name,
                Attributes = attributes,
                SegmentIds = [.. segmentIds.Distinct(StringComparer.Ordinal)],
                LastActiveAt = body.LastActiveAt,
                History = history,
                Location = location,
            };
    }

    /// <summary>
    /// A plausible address: one @, a local part, a dotted domain, no spaces. Deliverability is the mail
    /// system's business; this only catches typing and mapping mistakes.
    /// </summary>
    private static string? Email(string? value, FieldChecks checks)
    {
        var email = Strings.OrNull(value);
        if (email is null)
        {
            return null;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        var valid = email.Length <= EmailMax && at > 0 && at == email.LastIndexOf('@')
            && email.IndexOf('.', at) is var dot && dot > at + 1 && dot < email.Length - 1
            && !email.Any(char.IsWhiteSpace) && !email.EndsWith('.');
        if (!valid)
        {
            checks.Add("invalid_email", "Not an e-mail address (expected name@example.com).", "$.email");
        }

        return email;
    }

    private static PurchaseHistory History(HistoryBody? body, FieldChecks checks)
    {
        if (body is null)
        {
            return PurchaseHistory.None;
        }

        checks.AtLeast(body.OrderCount, 0, "$.history.orderCount");
        if (body.LifetimeSpend is { } spend && MoneyLimits.Problem(spend, MoneyLimits.MaxTotal) is { } problem)
        {
            checks.Add("out_of_range", problem, "$.history.lifetimeSpend");
        }

        var items = body.Items ?? [];
        if (items.Count > MaxHistoryItems)
        {
            checks.Add("too_many", $"At most {MaxHistoryItems} purchased items; keep the most recent.", "$.history.items");
            return PurchaseHistory.None;
        }

        var purchased = new List<PurchasedItem>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"$.history.items[{i}]";
            var sku = checks.Required(items[i]?.Sku, $"{path}.sku", ShortText);
            var category = checks.Optional(items[i]?.Category, $"{path}.category", ShortText);
            if (items[i]?.PurchasedAt is not { } at)
            {
                checks.Add("required", "The purchase date is required.", $"{path}.purchasedAt");
                continue;
            }

            purchased.Add(new PurchasedItem(sku, category, at));
        }

        return new PurchaseHistory(body.OrderCount ?? 0, body.LifetimeSpend ?? 0m, body.LastOrderAt, purchased);
    }

    private static Location? Location(LocationBody? body, FieldChecks checks)
    {
        if (body is null)
        {
            return null;
        }

        var country = Strings.OrNull(body.Country)?.ToUpperInvariant();
        if (country is not null && (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)))
        {
            checks.Add("invalid_country", "The country is an ISO 3166-1 alpha-2 code such as DE.", "$.location.country");
        }

        if (body.Latitude is < -90 or > 90)
        {
            checks.Add("out_of_range", "Must be from -90 to 90.", "$.location.latitude");
        }

        if (body.Longitude is < -180 or > 180)
        {
            checks.Add("out_of_range", "Must be from -180 to 180.", "$.location.longitude");
        }

        if ((body.Latitude is null) != (body.Longitude is null))
        {
            checks.Add("required", "Give both latitude and longitude, or neither.", body.Latitude is null ? "$.location.latitude" : "$.location.longitude");
        }

        return new Location(
            country,
            checks.Optional(body.Region, "$.location.region", ShortText),
            checks.Optional(body.City, "$.location.city", ShortText),
            checks.Optional(body.PostalCode, "$.location.postalCode", ShortText),
            checks.Optional(body.StoreId, "$.location.storeId", ShortText),
            body.Latitude,
            body.Longitude);
    }
}
