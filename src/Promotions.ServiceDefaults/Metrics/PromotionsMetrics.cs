using System.Text.Json;

namespace Promotions.ServiceDefaults.Metrics;

/// <summary>
/// The business and health metrics of the services, one method per fact, each called from the one place where the fact
/// happens (docs/deploy.md, Operations, lists them with their dimensions). Dimensions are few-valued (service,
/// channel, currency, reason); campaign and promotion ids are searchable properties of the line, never dimensions,
/// so a catalog of thousands of promotions adds no metric to the bill.
/// </summary>
public sealed class PromotionsMetrics
{
    private static readonly EmfDirective RedemptionCount = new([["channel"]], [("Redemptions", "Count")]);
    private static readonly EmfDirective ReservationCount = new([["channel"]], [("Reservations", "Count")]);
    private static readonly EmfDirective DiscountCost = new([["currency"]], [("DiscountCost", "None")]);
    private static readonly EmfDirective Refusals = new([["reason"], ["channel"]], [("RedemptionRefusals", "Count")]);
    private static readonly EmfDirective QuoteLatency = new([["channel"]], [("QuoteLatency", "Milliseconds")]);
    private static readonly EmfDirective Parked = new([["reason"]], [("EventsParked", "Count")]);

    private readonly EmfWriter _emf;

    internal PromotionsMetrics(EmfWriter emf) => _emf = emf;

    /// <summary>
    /// An order's promotions were recorded: <c>Redemptions</c> (or <c>Reservations</c> for a hold, whose discount is not
    /// spent yet) by channel, and the discount given, <c>DiscountCost</c>, by currency.
    /// </summary>
    public void Redeemed(string channel, string currency, decimal discount, bool held, IEnumerable<string> campaignIds, IEnumerable<string> promotionIds)
    {
        _emf.Write(held ? [ReservationCount] : [RedemptionCount, DiscountCost], json =>
        {
            json.WriteString("channel", channel);
            json.WriteNumber(held ? "Reservations" : "Redemptions", 1);
            if (!held)
            {
                json.WriteString("currency", currency);
                json.WriteNumber("DiscountCost", discount);
            }

            Ids(json, "campaignIds", campaignIds);
            Ids(json, "promotionIds", promotionIds);
        });
    }

    /// <summary>A redemption was refused for a business reason (a limit, a code, the quote): <c>RedemptionRefusals</c>.</summary>
    public void Refused(string channel, string reason, string? promotionId)
    {
        _emf.Write([Refusals], json =>
        {
            json.WriteString("reason", reason);
            json.WriteString("channel", channel);
            json.WriteNumber("RedemptionRefusals", 1);
            if (promotionId is not null)
            {
                json.WriteString("promotionId", promotionId);
            }
        });
    }

    /// <summary>A cart was quoted (<c>/validate</c>): <c>QuoteLatency</c>, from reading the catalog to the quote.</summary>
    public void Quoted(string channel, TimeSpan elapsed, int applied)
    {
        _emf.Write([QuoteLatency], json =>
        {
            json.WriteString("channel", channel);
            json.WriteNumber("QuoteLatency", Math.Round(elapsed.TotalMilliseconds, 3));
            json.WriteNumber("applied", applied);
        });
    }

    /// <summary>
    /// An event could not be applied and was set aside: <c>EventsParked</c>, by reason (<c>unreadable_version</c>: kept
    /// for a later build; <c>malformed</c>: refused, so the queue delivers it again and then dead-letters it).
    /// </summary>
    public void EventParked(string reason, string messageId, string? eventType)
    {
        _emf.Write([Parked], json =>
        {
            json.WriteString("reason", reason);
            json.WriteNumber("EventsParked", 1);
            json.WriteString("messageId", messageId);
            if (eventType is not null)
            {
                json.WriteString("eventType", eventType);
            }
        });
    }

    /// <summary>
    /// A request of a measured endpoint answered (<see cref="RequestMetrics"/>): <c>{name}Requests</c>,
    /// <c>{name}Errors</c> (1 for a 5xx, else 0, so their ratio is the error rate) and <c>{name}Latency</c>.
    /// </summary>
    internal void Answered(string name, int status, TimeSpan elapsed)
    {
        var (requests, errors, latency) = (name + "Requests", name + "Errors", name + "Latency");
        _emf.Write([new EmfDirective([[]], [(requests, "Count"), (errors, "Count"), (latency, "Milliseconds")])], json =>
        {
            json.WriteNumber(requests, 1);
            json.WriteNumber(errors, status >= 500 ? 1 : 0);
            json.WriteNumber(latency, Math.Round(elapsed.TotalMilliseconds, 3));
            json.WriteNumber("status", status);
        });
    }

    private static void Ids(Utf8JsonWriter json, string name, IEnumerable<string> ids)
    {
        json.WriteStartArray(name);
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            json.WriteStringValue(id);
        }

        json.WriteEndArray();
    }
}
