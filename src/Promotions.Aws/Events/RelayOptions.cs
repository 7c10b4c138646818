namespace Promotions.Aws.Events;

/// <summary>The pace of the outbox relay's schedule (section <c>Aws:Relay</c>).</summary>
public sealed class RelayOptions
{
    public const string SectionName = "Aws:Relay";

    /// <summary>How old a pending event must be before the schedule publishes it (younger ones are the stream's).</summary>
    public TimeSpan SweepAge { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The most pending events one schedule run publishes; the rest wait for the next run.</summary>
    public int SweepLimit { get; set; } = 1000;

    /// <summary>Holds one <c>ExpireDueAsync</c> call expires.</summary>
    public int HoldBatchSize { get; set; } = 100;

    /// <summary>The most <c>ExpireDueAsync</c> calls one schedule run makes; the rest wait for the next run.</summary>
    public int HoldBatches { get; set; } = 20;
}
