namespace Promotions.Domain.Plans;

/// <summary>The step of a plan that is due: its stage index, its time, and whether it is applied or skipped.</summary>
public sealed record DueStep(int Index, DateTimeOffset At, StepOutcome Outcome);
