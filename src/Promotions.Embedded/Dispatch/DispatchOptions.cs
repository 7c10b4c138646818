namespace Promotions.Embedded.Dispatch;

/// <summary>The in-process dispatcher's pace (section <c>Embedded:Dispatch</c>).</summary>
public sealed class DispatchOptions
{
    public const string SectionName = "Embedded:Dispatch";

    /// <summary>How long after start the first pass waits (lets the host come up; tests lengthen it to crash first).</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long to wait after a pass that did not fill a batch. Short, so Analytics trails the ledger by a fraction of
    /// a second and each pass is a small batch: at 500 redemptions a second, half a second let 250 events pile up
    /// and be applied in one burst that took a core away from checkout.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How many pending events one pass reads.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// How many times a consumer may fail on one event before the relay parks it for that consumer (its dead letter):
    /// as the analytics queue's <c>maxReceiveCount</c> on AWS.
    /// </summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before the first retry of an event a consumer failed on; it doubles with each further failure.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
