using System.Text.Json;
using System.Text.Json.Serialization;

namespace Promotions.Domain.Redemptions;

/// <summary>
/// The stored documents of redemptions and reversals (the same shape in every ledger adapter): camelCase, enums by
/// name, derived properties left out. A part's order lines that carry nothing (no discount, nothing returned) are not
/// stored: they are the order's lines with zeros, and reading puts them back, so the document of a ten-promotion
/// order on twenty lines keeps its two hundred line entries to the few that matter.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(Redemption))]
[JsonSerializable(typeof(OrderRedemption))]
[JsonSerializable(typeof(Reversal))]
public sealed partial class LedgerJson : JsonSerializerContext
{
    /// <summary>The stored document of an order's redemption.</summary>
    public static string Write(OrderRedemption order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var parts = order.Redemptions;
        Redemption[]? compact = null;
        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i].Lines.Any(IsBlank))
            {
                compact ??= [.. parts];
                compact[i] = parts[i] with { Lines = [.. parts[i].Lines.Where(static l => !IsBlank(l))] };
            }
        }

        return JsonSerializer.Serialize(compact is null ? order : order with { Redemptions = compact }, Default.OrderRedemption);
    }

    /// <summary>
    /// An order's redemption from its stored document; a document of one promotion's redemption, as ledgers stored
    /// them before whole-cart redemptions, is read as an order of that one part.
    /// </summary>
    public static OrderRedemption Read(string json, string id)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.TryGetProperty("redemptions", out _))
        {
            var order = document.RootElement.Deserialize(Default.OrderRedemption)
                ?? throw new InvalidDataException($"Redemption '{id}' is stored as null.");
            return WithBlankLines(order);
        }

        var single = document.RootElement.Deserialize(Default.Redemption)
            ?? throw new InvalidDataException($"Redemption '{id}' is stored as null.");
        return Redemptions.OrderRedemption.Of(single);
    }

    private static bool IsBlank(RedeemedLine line) => line.Allocated == 0m && line.ReturnedQuantity == 0 && line.Reversed == 0m;

    /// <summary>Each part's lines in the order's line order, the ones not stored (or from before lines were) as blank.</summary>
    private static OrderRedemption WithBlankLines(OrderRedemption order)
    {
        if (order.Lines.Count == 0 || order.Redemptions.All(p => p.Lines.Count == order.Lines.Count))
        {
            return order;
        }

        var parts = new Redemption[order.Redemptions.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            var part = order.Redemptions[i];
            if (part.Lines.Count == order.Lines.Count)
            {
                parts[i] = part;
                continue;
            }

            var stored = part.Lines.ToDictionary(static l => l.LineId, StringComparer.Ordinal);
            var lines = order.Lines.Select(l => stored.Remove(l.LineId, out var kept) ? kept : new RedeemedLine(l.LineId, l.Quantity, 0m)).ToList();
            lines.AddRange(part.Lines.Where(l => stored.ContainsKey(l.LineId)));
            parts[i] = part with { Lines = lines };
        }

        return order with { Redemptions = parts };
    }
}
