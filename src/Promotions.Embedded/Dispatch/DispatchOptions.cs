namespace Promotions.Embedded.Dispatch;

/// <summary>The in-process dispatcher's pace (section <c>Embedded:Dispatch</c>).</summary>
public sealed class DispatchOptions
{
    public const string SectionName = "Embedded:Dispatch";

    /// <summary>How long after start the first pass waits (lets the host come up; tests lengthen it to crash first).</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long to wait after a pass that found nothing to deliver.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How many pending events one pass reads.</summary>
    public int BatchSize { get; set; } = 100;
}
