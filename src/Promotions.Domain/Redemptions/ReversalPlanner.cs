using Promotions.Domain.Common;

namespace Promotions.Domain.Redemptions;

/// <summary>
/// Works out what a reversal gives back, from the allocation recorded per line only. Returned units of a line
/// give back <c>round(allocated × returned / quantity)</c> cumulatively, so the last unit returned takes the
/// rounding remainder and a line fully returned gives back exactly its allocation. When nothing remains (a full
/// reversal, or the last units returned) the shipping discount goes back too, and the redemption is spent out.
/// </summary>
public static class ReversalPlanner
{
    /// <summary>The redemption after the reversal and what it gave back, or why it cannot be done.</summary>
    public static Result<ReversalPlan> Plan(Redemption redemption, IReadOnlyList<ReturnedLine>? returned)
    {
        ArgumentNullException.ThrowIfNull(redemption);
        if (redemption.Status is not (RedemptionStatus.Confirmed or RedemptionStatus.PartiallyReversed))
        {
            return redemption.Status == RedemptionStatus.Reversed
                ? new DomainError(RedemptionRejections.NothingToReverse, "This redemption has been fully reversed already.")
                : new DomainError(RedemptionRejections.RedemptionNotConfirmed,
                    $"Only a confirmed redemption can be reversed; this one is {redemption.Status.ToString().ToLowerInvariant()}.");
        }

        var requested = returned is null || returned.Count == 0
            ? redemption.Lines.Where(static l => l.RemainingQuantity > 0).ToDictionary(static l => l.LineId, static l => l.RemainingQuantity)
            : Aggregate(returned);
        if (!requested.IsSuccess)
        {
            return Result<ReversalPlan>.Fail(requested.Errors);
        }

        return Apply(redemption, requested.Value!, returned is null || returned.Count == 0);
    }

    private static Result<Dictionary<string, int>> Aggregate(IReadOnlyList<ReturnedLine> returned)
    {
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < returned.Count; i++)
        {
            var line = returned[i];
            if (line.Quantity < 1)
            {
                return new DomainError("invalid_quantity", "Return at least one unit.", $"$.lines[{i}].quantity");
            }

            totals[line.LineId] = totals.GetValueOrDefault(line.LineId) + line.Quantity;
        }

        return totals;
    }

    private static Result<ReversalPlan> Apply(Redemption redemption, Dictionary<string, int> requested, bool full)
    {
        var lines = redemption.Lines.ToList();
        var reversedLines = new List<ReversedLine>();
        var amount = 0m;
        foreach (var (lineId, quantity) in requested)
        {
            var index = lines.FindIndex(l => string.Equals(l.LineId, lineId, StringComparison.Ordinal));
            if (index < 0)
            {
                return new DomainError(RedemptionRejections.UnknownLine, $"The redemption has no line '{lineId}'.", "$.lines");
            }

            var line = lines[index];
            if (quantity > line.RemainingQuantity)
            {
                return new DomainError(RedemptionRejections.ExceedsRemaining,
                    $"Line '{lineId}' has {line.RemainingQuantity} unit(s) left to return, not {quantity}.", "$.lines");
            }

            var returnedAfter = line.ReturnedQuantity + quantity;
            var reversedAfter = returnedAfter == line.Quantity
                ? line.Allocated
                : Money.Round(line.Allocated * returnedAfter / line.Quantity, redemption.Currency);
            var lineAmount = reversedAfter - line.Reversed;
            lines[index] = line with { ReturnedQuantity = returnedAfter, Reversed = reversedAfter };
            reversedLines.Add(new ReversedLine(lineId, quantity, lineAmount));
            amount += lineAmount;
        }

        var spentOut = full || lines.All(static l => l.RemainingQuantity == 0);
        if (spentOut)
        {
            // Whatever is left (the shipping discount, or a redemption recorded without lines) goes back with the last units.
            amount = redemption.RemainingDiscount;
        }
        else if (reversedLines.Count == 0)
        {
            return new DomainError(RedemptionRejections.NothingToReverse, "Nothing of this redemption remains to reverse.");
        }

        var after = redemption with
        {
            Lines = lines,
            ReversedAmount = redemption.ReversedAmount + amount,
            Status = spentOut ? RedemptionStatus.Reversed : RedemptionStatus.PartiallyReversed,
        };
        reversedLines.Sort(static (a, b) => string.CompareOrdinal(a.LineId, b.LineId));
        return new ReversalPlan(after, amount, spentOut, reversedLines);
    }
}

/// <summary>The outcome of <see cref="ReversalPlanner.Plan"/>: the redemption afterwards and what was given back.</summary>
/// <param name="Full">Nothing remains: the code use, the promotion cap and the customer quota go back too.</param>
public sealed record ReversalPlan(Redemption After, decimal Amount, bool Full, IReadOnlyList<ReversedLine> Lines);
