using System.Text.Json;
using Promotions.Domain.Carts;
using Promotions.Domain.Common;
using Promotions.Domain.Customers;

namespace Promotions.Domain.Offers.Input;

/// <summary>
/// Checks bound request parts and turns them into domain values. Every problem is collected with the JSON
/// path of the value at fault (e.g. <c>$.cart.lines[3].lineId</c>), so a client fixes them all at once.
/// </summary>
public static class InputValidator
{
    public const string InvalidValue = "invalid_value";

    /// <summary>The cart, or null with the errors added to <paramref name="errors"/>.</summary>
    public static Cart? ToCart(CartInput input, string path, List<DomainError> errors)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        var currencyOk = Money.IsValidCurrency(input.Currency);
        Check(currencyOk, errors, $"{path}.currency", "The currency is an active ISO 4217 code in upper case, e.g. EUR.");
        Check(input.Lines.Count is >= 1 and <= InputLimits.MaxLines, errors, $"{path}.lines",
            $"A cart has between 1 and {InputLimits.MaxLines} lines.");

        var lineIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < input.Lines.Count && i < InputLimits.MaxLines; i++)
        {
            var line = input.Lines[i];
            var at = $"{path}.lines[{i}]";
            if (Text(line.LineId, errors, $"{at}.lineId", "lineId") && !lineIds.Add(line.LineId))
            {
                errors.Add(new DomainError("duplicate_line_id", $"Another line already has the id '{line.LineId}'.", $"{at}.lineId"));
            }

            Text(line.Sku, errors, $"{at}.sku", "sku");
            if (line.Category is not null)
            {
                Text(line.Category, errors, $"{at}.category", "category");
            }

            Check(line.Quantity is >= 1 and <= InputLimits.MaxQuantity, errors, $"{at}.quantity",
                $"The quantity is between 1 and {InputLimits.MaxQuantity}.");
            var priceOk = Amount(line.UnitPrice, currencyOk ? input.Currency : null, MoneyLimits.MaxAmount, errors, $"{at}.unitPrice");
            if (priceOk && line.Quantity is >= 1 and <= InputLimits.MaxQuantity && line.UnitPrice * line.Quantity > MoneyLimits.MaxAmount)
            {
                // Both parts are in range, so the product is exact; a line of 10,000 items must still fit one price.
                errors.Add(new DomainError(InvalidValue,
                    $"The line's total (quantity × unitPrice) is at most {MoneyLimits.Format(MoneyLimits.MaxAmount)}.", $"{at}.quantity"));
            }
        }

        if (input.Shipping is { } shipping)
        {
            Amount(shipping, currencyOk ? input.Currency : null, MoneyLimits.MaxAmount, errors, $"{path}.shipping");
        }

        if (errors.Count > before)
        {
            return null;
        }

        var lines = input.Lines.Select(static l =>
            new CartLine(l.LineId, l.Sku, l.Category, l.Quantity, l.UnitPrice, l.NonDiscountable, l.AlreadyDiscounted)).ToArray();
        return new Cart(input.Currency, lines, input.Shipping ?? 0m);
    }

    /// <summary>The profile, or null with the errors added to <paramref name="errors"/>. An inline profile has no id.</summary>
    public static CustomerProfile? ToProfile(ProfileInput input, string path, List<DomainError> errors)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        Check(input.Attributes is null or { ValueKind: JsonValueKind.Object or JsonValueKind.Null }, errors, $"{path}.attributes",
            "Attributes are a JSON object.");
        var segments = input.SegmentIds ?? [];
        Check(segments.Count <= InputLimits.MaxSegmentIds, errors, $"{path}.segmentIds",
            $"At most {InputLimits.MaxSegmentIds} segment ids.");
        for (var i = 0; i < segments.Count && i < InputLimits.MaxSegmentIds; i++)
        {
            Text(segments[i], errors, $"{path}.segmentIds[{i}]", "segment id");
        }

        var history = input.History ?? new HistoryInput();
        var items = history.Items ?? [];
        Check(history.OrderCount >= 0, errors, $"{path}.history.orderCount", "The order count is not negative.");
        Amount(history.LifetimeSpend, null, MoneyLimits.MaxTotal, errors, $"{path}.history.lifetimeSpend");
        Check(items.Count <= InputLimits.MaxHistoryItems, errors, $"{path}.history.items",
            $"At most {InputLimits.MaxHistoryItems} purchased items.");
        for (var i = 0; i < items.Count && i < InputLimits.MaxHistoryItems; i++)
        {
            Text(items[i].Sku, errors, $"{path}.history.items[{i}].sku", "sku");
        }

        if (input.Location is { } location)
        {
            Check(location.Latitude is null or >= -90 and <= 90, errors, $"{path}.location.latitude", "The latitude is between -90 and 90.");
            Check(location.Longitude is null or >= -180 and <= 180, errors, $"{path}.location.longitude",
                "The longitude is between -180 and 180.");
        }

        if (errors.Count > before)
        {
            return null;
        }

        var purchases = items.Select(static i => new PurchasedItem(i.Sku, i.Category, i.PurchasedAt)).ToArray();
        var loc = input.Location is { } l
            ? new Location(l.Country, l.Region, l.City, l.PostalCode, l.StoreId, l.Latitude, l.Longitude)
            : null;
        return new CustomerProfile(
            null,
            input.Attributes is { ValueKind: JsonValueKind.Object } attributes ? attributes : null,
            segments.ToArray(),
            new PurchaseHistory(history.OrderCount, history.LifetimeSpend, history.LastOrderAt, purchases),
            loc);
    }

    /// <summary>Checks the channel is one of <see cref="Channels.All"/>.</summary>
    public static void Channel(string? channel, string path, List<DomainError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        Check(Channels.IsKnown(channel), errors, path, $"Unknown channel '{channel}'; known: {string.Join(", ", Channels.All)}.");
    }

    /// <summary>A customer is named by id or described inline, not both (neither: anonymous).</summary>
    public static void CustomerChoice(string? customerId, object? customer, List<DomainError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        Check(customerId is null || customer is null, errors, "$.customer", "Send either customerId or customer, not both.");
        if (customerId is not null)
        {
            Text(customerId, errors, "$.customerId", "customerId");
        }
    }

    /// <summary>At most <see cref="InputLimits.MaxCodes"/> codes, each a non-empty string of bounded length.</summary>
    public static void Codes(IReadOnlyList<string>? codes, List<DomainError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (codes is null)
        {
            return;
        }

        Check(codes.Count <= InputLimits.MaxCodes, errors, "$.codes", $"At most {InputLimits.MaxCodes} codes per request.");
        for (var i = 0; i < codes.Count && i < InputLimits.MaxCodes; i++)
        {
            Check(codes[i] is { Length: <= InputLimits.MaxTextLength }, errors, $"$.codes[{i}]",
                $"A code is at most {InputLimits.MaxTextLength} characters.");
        }
    }

    // Bounds and messages are MoneyLimits'; without a valid currency only the range is checked.
    private static bool Amount(decimal amount, string? currency, decimal max, List<DomainError> errors, string path)
    {
        var problem = MoneyLimits.Problem(amount, max, currency);
        Check(problem is null, errors, path, problem ?? "");
        return problem is null;
    }

    private static bool Text(string? value, List<DomainError> errors, string path, string what)
    {
        var ok = !string.IsNullOrWhiteSpace(value) && value.Length <= InputLimits.MaxTextLength;
        Check(ok, errors, path, $"The {what} is a non-empty text of at most {InputLimits.MaxTextLength} characters.");
        return ok;
    }

    private static void Check(bool ok, List<DomainError> errors, string path, string message)
    {
        if (!ok)
        {
            errors.Add(new DomainError(InvalidValue, message, path));
        }
    }
}
